using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Follow.Digest;
using UedaPublicGoals.Follow.Subscriptions;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

namespace UedaPublicGoals.Tests.Integration.Follow;

/// <summary>What the Follow tests share: a portal on a hand-moved clock with a real SMTP listener, and the steps.</summary>
internal static class FollowSteps
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static FeedbackPortal Portal(SmtpTestServer? smtp = null, Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Follow:DigestEnabled"] = "false", // the test runs each digest pass itself
            ["Follow:AddressHashKey"] = "integration-test-address-key",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new FeedbackPortal { Smtp = smtp, Settings = all };
    }

    public static Guid GoalId(FeedbackPortal portal, string slug) =>
        portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal(slug)!.DocumentId;

    /// <summary>Publishes the goal after <paramref name="change"/>, as the editor's 公開 does.</summary>
    public static Task PublishAsync(FeedbackPortal portal, Guid id, Action<GoalContent> change) =>
        portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            change(draft);
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });

    public static void AddMidtermReport(GoalContent goal, string text = "LINE友だち登録者数は順調に増えています。") =>
        goal.Initiatives[0].MidtermReport = new ProgressReport { Text = text, Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) };

    public static void AddLineFriendsValue(GoalContent goal, decimal value = 15200) =>
        goal.Initiatives[0].Measures[2].Kpis[0].Measurements.Add(new KpiMeasurement { Date = new DateOnly(2024, 10, 1), Value = value });

    public static async Task<(HttpResponseMessage Response, XDocument Feed)> FeedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    public static IReadOnlyList<(string Title, string Summary, string Link)> Entries(XDocument feed) =>
        feed.Root!.Elements(Atom + "entry")
            .Select(e => (e.Element(Atom + "title")!.Value, e.Element(Atom + "summary")!.Value, e.Element(Atom + "link")!.Attribute("href")!.Value))
            .ToList();

    public static async Task<List<FollowSubscription>> SubscriptionsAsync(FeedbackPortal portal)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FollowSubscriptions.AsNoTracking().OrderBy(s => s.CreatedUtc).ToListAsync();
    }

    public static async Task<int> RunDigestAsync(FeedbackPortal portal)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigest>().RunOnceAsync();
    }

    public static DateTime DigestMomentAfter(FeedbackPortal portal, DateTime utc)
    {
        using var scope = portal.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DailyDigest>().DigestMomentUtc(utc).AddDays(1);
    }

    /// <summary>Sends the subscription form as a browser would (antiforgery token included).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> SubscribeAsync(FeedbackPortal portal, string email, string? topic = null, string from = "/oshirase/touroku")
    {
        var session = portal.OpenSession();
        var form = await session.FormAsync(from, "#subscribe-form");
        form["Email"] = email;
        if (topic is not null)
        {
            form["Topic"] = topic;
        }

        return await session.PostAsync(form);
    }

    /// <summary>The first URL in a mail body that starts with <paramref name="prefix"/>.</summary>
    public static string LinkIn(string? body, string prefix)
    {
        body ??= "";
        var start = body.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {prefix} link in:\n{body}");
        var end = body.IndexOfAny(['\r', '\n', ' '], start);
        return body[start..(end < 0 ? body.Length : end)];
    }

    /// <summary>Opens the confirmation link and presses 「登録する」.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> ConfirmAsync(FeedbackPortal portal, string link)
    {
        var session = portal.OpenSession();
        var form = await session.FormAsync(new Uri(link).PathAndQuery, "#follow-prompt");
        return await session.PostAsync(form);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Follow.FollowSteps;

namespace UedaPublicGoals.Tests.Integration.Follow;

/// <summary>
/// The Atom feeds (RFC 4287) of the site, a goal and a consultation: well-formed, with the required elements, fed
/// by what a publish changed (a report, a KPI value), revalidated with ETag and evicted on publish.
/// </summary>
public sealed class AtomFeedTests : IDisposable
{
    private readonly Feedback.PublicSide.FeedbackPortal portal = Portal();

    public void Dispose() => portal.Dispose();

    private static void AssertValidAtom(XDocument feed, string selfUrl)
    {
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.StartsWith("tag:goals.example.jp,2024:", root.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "title")!.Value));
        AssertTimestamp(root.Element(Atom + "updated")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "author")!.Element(Atom + "name")!.Value));
        Assert.Equal(selfUrl, Assert.Single(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Single(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        var ids = new HashSet<string>();
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            var id = entry.Element(Atom + "id")!.Value;
            Assert.StartsWith("tag:goals.example.jp,2024:", id, StringComparison.Ordinal);
            Assert.True(ids.Add(id), $"entry id {id} appears twice");
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            AssertTimestamp(entry.Element(Atom + "updated")!.Value);
            Assert.StartsWith("https://goals.example.jp/", entry.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
            Assert.Equal("text", (string?)entry.Element(Atom + "summary")!.Attribute("type"));
        }
    }

    private static void AssertTimestamp(string value) =>
        Assert.True(DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), $"not an RFC 3339 UTC time: {value}");

    [Fact]
    public async Task Site_goal_and_consultation_feeds_are_atom_documents_with_the_required_elements()
    {
        var client = portal.CreatePublicClient();
        var id = GoalId(portal, "koho");
        foreach (var path in new[] { "/oshirase/atom", $"/oshirase/atom/goal/{id:D}", $"/oshirase/atom/iken/{FeedbackSeeder.ComprehensivePlanSlug}" })
        {
            var (_, feed) = await FeedAsync(client, path);
            AssertValidAtom(feed, "https://goals.example.jp" + path);
        }

        // The consultation has opened (the seed opens it at once): that is its first entry.
        var (_, consultation) = await FeedAsync(client, $"/oshirase/atom/iken/{FeedbackSeeder.ComprehensivePlanSlug}");
        Assert.Contains(Entries(consultation), e => e.Title.EndsWith("意見の募集を始めました", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/oshirase/atom/goal/{Guid.NewGuid():D}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/oshirase/atom/iken/no-such-consultation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/oshirase/atom/goal/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task A_published_result_notice_is_an_entry_of_its_consultations_feed_linking_that_version()
    {
        var client = portal.CreatePublicClient();
        var path = $"/oshirase/atom/iken/{FeedbackSeeder.ComprehensivePlanSlug}";
        Assert.DoesNotContain(Entries((await FeedAsync(client, path)).Feed), e => e.Title.Contains("結果公示", StringComparison.Ordinal));

        // Published through the notice's own service (no opinion is waiting, so the completeness check passes); it clears the feed's cache.
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var consultationId = await db.Consultations.Where(c => c.Slug == FeedbackSeeder.ComprehensivePlanSlug).Select(c => c.Id).SingleAsync();
            var published = await scope.ServiceProvider.GetRequiredService<UedaPublicGoals.Feedback.ResultNotice.ResultNoticeService>().PublishAsync(consultationId, "test@example.jp");
            Assert.Equal(UedaPublicGoals.Feedback.ResultNotice.PublishOutcome.Published, published.Outcome);
        }

        var (_, feed) = await FeedAsync(client, path);
        AssertValidAtom(feed, "https://goals.example.jp" + path);
        var notice = Assert.Single(Entries(feed), e => e.Title.Contains("結果公示", StringComparison.Ordinal));
        Assert.Equal($"https://goals.example.jp/iken/kekka-koji/{FeedbackSeeder.ComprehensivePlanSlug}?version=1", notice.Link);
    }

    [Fact]
    public async Task A_published_report_and_KPI_value_appear_in_the_goal_feed_and_the_publish_in_the_site_feed()
    {
        var client = portal.CreatePublicClient();
        var id = GoalId(portal, "koho");
        var goalFeed = $"/oshirase/atom/goal/{id:D}";
        var (_, before) = await FeedAsync(client, goalFeed);
        Assert.DoesNotContain(Entries(before), e => e.Title.Contains("中間報告", StringComparison.Ordinal));
        var (_, siteBefore) = await FeedAsync(client, "/oshirase/atom");

        await PublishAsync(portal, id, goal =>
        {
            AddMidtermReport(goal);
            AddLineFriendsValue(goal);
        });

        // The cached feeds were evicted by the publish.
        var (_, after) = await FeedAsync(client, goalFeed);
        AssertValidAtom(after, "https://goals.example.jp" + goalFeed);
        var entries = Entries(after);
        var report = Assert.Single(entries, e => e.Title.EndsWith("中間報告を公開しました", StringComparison.Ordinal));
        Assert.Equal("【順調】LINE友だち登録者数は順調に増えています。", report.Summary);
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/koho/", report.Link);
        var kpi = Assert.Single(entries, e => e.Title.Contains("実績を更新しました", StringComparison.Ordinal));
        Assert.StartsWith("2024年10月1日時点で 15,200人（目標 17,000人", kpi.Summary, StringComparison.Ordinal);

        var (_, site) = await FeedAsync(client, "/oshirase/atom");
        Assert.Equal(Entries(siteBefore).Count + 1, Entries(site).Count);
        var publish = Entries(site)[0];
        Assert.EndsWith("を更新しました", publish.Title, StringComparison.Ordinal);
        Assert.Contains("中間報告を公開しました", publish.Summary, StringComparison.Ordinal);

        // Publishing the same content again is an update of the site, not a new report.
        await PublishAsync(portal, id, _ => { });
        var (_, again) = await FeedAsync(client, goalFeed);
        Assert.Single(Entries(again), e => e.Title.EndsWith("中間報告を公開しました", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feed_answers_304_to_its_ETag_until_a_publish_changes_it()
    {
        var client = portal.CreatePublicClient();
        var id = GoalId(portal, "smart-city");
        var path = $"/oshirase/atom/goal/{id:D}";
        var (first, _) = await FeedAsync(client, path);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);

        foreach (var _ in Enumerable.Range(0, 2)) // the cached copy keeps answering 304
        {
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
            revalidate.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidate)).StatusCode);
        }

        await PublishAsync(portal, id, goal => goal.Initiatives[0].FinalReport = new() { Text = "計画どおり完了しました。", Status = UedaPublicGoals.Content.Model.ProgressStatus.Achieved });
        using var changed = new HttpRequestMessage(HttpMethod.Get, path);
        changed.Headers.IfNoneMatch.Add(etag);
        var response = await client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag);
    }

    [Fact]
    public async Task Markup_in_a_report_is_escaped_text_in_the_feed()
    {
        var client = portal.CreatePublicClient();
        var id = GoalId(portal, "koho");
        const string hostile = "<script>alert(1)</script> ]]> &amp; <b>太字</b>";
        await PublishAsync(portal, id, goal => AddMidtermReport(goal, hostile));

        var response = await client.GetAsync($"/oshirase/atom/goal/{id:D}");
        var xml = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", xml, StringComparison.Ordinal);
        var report = Assert.Single(Entries(XDocument.Parse(xml)), e => e.Title.EndsWith("中間報告を公開しました", StringComparison.Ordinal));
        Assert.Equal("【順調】" + hostile, report.Summary);
    }

    [Fact]
    public async Task Pages_announce_their_feed_in_the_head_and_show_a_visible_link()
    {
        var client = portal.CreatePublicClient();
        var id = GoalId(portal, "koho");
        var goalPage = HtmlText.Parse(await client.GetStringAsync("/seisaku-kikaku/r6/koho/"));
        var alternate = Assert.Single(goalPage.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']"));
        Assert.Equal($"https://goals.example.jp/oshirase/atom/goal/{id:D}", alternate.GetAttribute("href"));
        Assert.Contains(goalPage.QuerySelectorAll("main a"), a => a.TextContent.Trim() == "更新情報（Atom）" && a.GetAttribute("href") == $"/oshirase/atom/goal/{id:D}");
        Assert.Contains(goalPage.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/oshirase/touroku?goal={id:D}");

        var home = HtmlText.Parse(await client.GetStringAsync("/"));
        Assert.Equal("https://goals.example.jp/oshirase/atom", Assert.Single(home.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']")).GetAttribute("href"));
        Assert.Contains(home.QuerySelectorAll("footer a"), a => a.TextContent.Trim() == "更新情報（Atom）");
    }
}

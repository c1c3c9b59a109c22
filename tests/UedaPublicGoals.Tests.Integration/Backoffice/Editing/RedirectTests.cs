using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>A published slug change keeps the old URL working: 301 to the new one, chains collapsed, listed and removable in the backoffice.</summary>
public sealed class RedirectTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private async Task PublishWithSlugAsync(BackofficeSession session, string editor, string slug)
    {
        var response = await session.PostAsync($"{editor}/publish", (await session.ReadFormAsync(editor)).With("Slug", slug));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task AssertMovedAsync(HttpClient client, string from, string to)
    {
        var response = await client.GetAsync(from);
        Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{from}: {response.StatusCode}");
        Assert.Equal(to, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Publishing_a_new_slug_redirects_the_old_url_and_a_second_rename_collapses_the_chain()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var editor = $"/backoffice/goals/{EditorPages.GoalId(portal, EditorPages.Koho)}";
        var client = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/seisaku-kikaku/r6/koho/")).StatusCode); // now in the output cache

        await PublishWithSlugAsync(session, editor, "tsunagaru-koho");
        await AssertMovedAsync(client, "/seisaku-kikaku/r6/koho/", "/seisaku-kikaku/r6/tsunagaru-koho/");
        await AssertMovedAsync(client, "/seisaku-kikaku/r6/koho", "/seisaku-kikaku/r6/tsunagaru-koho/");
        await AssertMovedAsync(client, "/seisaku-kikaku/r6/koho/?utm_source=line", "/seisaku-kikaku/r6/tsunagaru-koho/?utm_source=line");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/seisaku-kikaku/r6/tsunagaru-koho/")).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/seisaku-kikaku/r6/koho/"))).StatusCode);

        // A → B, then B → C: both old URLs go straight to C (one hop, never two).
        await PublishWithSlugAsync(session, editor, "koho-r6");
        await AssertMovedAsync(client, "/seisaku-kikaku/r6/koho/", "/seisaku-kikaku/r6/koho-r6/");
        await AssertMovedAsync(client, "/seisaku-kikaku/r6/tsunagaru-koho/", "/seisaku-kikaku/r6/koho-r6/");

        var list = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/redirects"));
        var rows = list.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["/seisaku-kikaku/r6/koho/", "/seisaku-kikaku/r6/koho-r6/"], ["/seisaku-kikaku/r6/tsunagaru-koho/", "/seisaku-kikaku/r6/koho-r6/"]], rows);
        Assert.Equal(2, await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.RedirectChange && a.Actor == email)));

        // Back to the first slug: it is live again, and nothing loops.
        await PublishWithSlugAsync(session, editor, "koho");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/seisaku-kikaku/r6/koho/")).StatusCode);
        await AssertMovedAsync(client, "/seisaku-kikaku/r6/koho-r6/", "/seisaku-kikaku/r6/koho/");
        await AssertMovedAsync(client, "/seisaku-kikaku/r6/tsunagaru-koho/", "/seisaku-kikaku/r6/koho/");
        Assert.Equal(0, await EditorPages.InDatabaseAsync(portal, db => db.Redirects.CountAsync(r => r.FromPath == r.ToPath || r.FromPath == "/seisaku-kikaku/r6/koho/")));
    }

    [Fact]
    public async Task A_removed_redirect_answers_404_again_and_unknown_paths_stay_404()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.Administrator);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var editor = $"/backoffice/pages/{EditorPages.PageId(portal, "about")}";
        var client = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/pages/kono-peji-wa-nai")).StatusCode);

        await PublishWithSlugAsync(session, editor, "about-this-site");
        await AssertMovedAsync(client, "/pages/about", "/pages/about-this-site");

        var list = await session.ReadFormAsync("/backoffice/redirects", (await RedirectDeleteActionAsync(session)));
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync(await RedirectDeleteActionAsync(session), list)).StatusCode);
        var gone = await client.GetAsync("/pages/about");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("ページが見つかりません", await gone.Content.ReadAsStringAsync());
        Assert.Contains(await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.Where(a => a.Action == AuditActions.RedirectChange).Select(a => a.Detail).ToListAsync()),
            detail => detail!.StartsWith("転送を削除：/pages/about", StringComparison.Ordinal));
    }

    private static async Task<string> RedirectDeleteActionAsync(BackofficeSession session) =>
        HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/redirects")).QuerySelector("form[action^='/backoffice/redirects/']")!.GetAttribute("action")!;
}

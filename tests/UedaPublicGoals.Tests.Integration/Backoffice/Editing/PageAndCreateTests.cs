using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>The page editor (Markdown with a server-rendered preview) and creating new goals and pages.</summary>
public sealed class PageAndCreateTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_markdown_preview_uses_the_public_renderer_and_saving_and_publishing_updates_the_page()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var editor = $"/backoffice/pages/{EditorPages.PageId(portal, "about")}";
        var form = await session.ReadFormAsync(editor);
        form["Body"] = "## お知らせ\r\n\r\n- 令和6年度の中間報告を掲載しました\r\n\r\n<script>alert(1)</script>";

        var preview = HtmlText.Parse(await (await session.PostAsync(editor, form.With("command", "render-body"))).Content.ReadAsStringAsync());
        var rendered = preview.QuerySelector("#body-preview .prose")!;
        Assert.Equal("お知らせ", rendered.QuerySelector("h2")!.TextContent);
        Assert.Null(rendered.QuerySelector("script"));
        Assert.Contains("<script>alert(1)</script>", rendered.TextContent); // raw HTML is shown as text
        Assert.Equal(1, (await EditorPages.DocumentAsync(portal, EditorPages.PageId(portal, "about"))).DraftVersion);

        form = EditorPages.FormOf(preview).Without("command");
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"{editor}/publish", form)).StatusCode);
        var page = HtmlText.Parse(await portal.CreatePublicClient().GetStringAsync("/pages/about"));
        Assert.Equal("お知らせ", page.QuerySelector("main h2")!.TextContent);
    }

    [Fact]
    public async Task A_new_sort_order_reorders_the_public_footer_at_once_without_a_publish()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var client = portal.CreatePublicClient();
        string FirstFooterLink(string html) => HtmlText.Parse(html).QuerySelector(".site-footer__links a")!.GetAttribute("href")!;
        Assert.Equal("/pages/about", FirstFooterLink(await client.GetStringAsync("/")));

        var editor = $"/backoffice/pages/{EditorPages.PageId(portal, "privacy")}";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync(editor, (await session.ReadFormAsync(editor)).With("SortOrder", "0"))).StatusCode);

        Assert.Equal("/pages/privacy", FirstFooterLink(await client.GetStringAsync("/")));
        var document = await EditorPages.DocumentAsync(portal, EditorPages.PageId(portal, "privacy"));
        Assert.Equal((1, 1), (document.DraftVersion, document.PublishedVersion!.Value)); // placement only: no new version
        Assert.Equal(1, await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ContentMove)));
    }

    [Fact]
    public async Task A_new_goal_is_created_unpublished_in_its_fiscal_year_and_goes_public_when_published()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var yearId = await EditorPages.R6YearIdAsync(portal);
        var tree = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/"));
        Assert.NotNull(tree.QuerySelector($"a[href='/backoffice/goals/new?fiscalYear={yearId}']"));

        var form = await session.ReadFormAsync($"/backoffice/goals/new?fiscalYear={yearId}");
        Assert.Equal("5", form["Priority"]);
        var empty = HtmlText.Parse(await (await session.PostAsync("/backoffice/goals/new", form)).Content.ReadAsStringAsync());
        Assert.NotNull(empty.GetElementById("Title-error"));
        Assert.NotNull(empty.GetElementById("Slug-error"));
        Assert.NotNull(empty.GetElementById("Initiatives_0__Title-error"));

        form = EditorPages.FormOf(empty);
        form["Title"] = "若者の市政参加の推進";
        form["Slug"] = "wakamono";
        form["Initiatives[0].Title"] = "若者会議の開催";
        form["Initiatives[0].Period"] = "通年";
        var created = await session.PostAsync("/backoffice/goals/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editor = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/backoffice/goals/", editor);

        var document = await EditorPages.InDatabaseAsync(portal, db => db.Documents.SingleAsync(d => d.Slug == "wakamono"));
        Assert.Equal((DocumentKind.Goal, yearId, 1, (int?)null), (document.Kind, document.FiscalYearId!.Value, document.DraftVersion, document.PublishedVersion));
        Assert.Equal(1, await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ContentCreate && a.Actor == email)));
        var client = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/seisaku-kikaku/r6/wakamono/")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"{editor}/publish", await session.ReadFormAsync(editor))).StatusCode);
        Assert.Contains("若者会議の開催", HtmlText.MainText(await client.GetStringAsync("/seisaku-kikaku/r6/wakamono/")));
        Assert.Contains("若者の市政参加の推進", HtmlText.MainText(await client.GetStringAsync("/seisaku-kikaku/r6/")));

        // The slug is taken in this year now.
        var again = (await session.ReadFormAsync($"/backoffice/goals/new?fiscalYear={yearId}")).With("Title", "別の目標").With("Slug", "wakamono").With("Initiatives[0].Title", "取組");
        var taken = HtmlText.Parse(await (await session.PostAsync("/backoffice/goals/new", again)).Content.ReadAsStringAsync());
        Assert.Contains("スラッグ「wakamono」は同じ場所の別の文書が使っています", taken.GetElementById("Slug-error")!.TextContent);
    }

    [Fact]
    public async Task A_new_page_is_created_unpublished_and_its_preview_carries_the_banner()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.Administrator);
        var form = (await session.ReadFormAsync("/backoffice/pages/new"))
            .With("Title", "意見募集について")
            .With("Slug", "iken")
            .With("Body", "第三次上田市総合計画への意見を募集しています。");
        var created = await session.PostAsync("/backoffice/pages/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editor = created.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreatePublicClient().GetAsync("/pages/iken")).StatusCode);
        var preview = HtmlText.Parse(await session.Client.GetStringAsync($"{editor}/preview"));
        Assert.Contains("未公開", preview.QuerySelector(".notice--preview")!.TextContent);
        Assert.Contains("第三次上田市総合計画への意見を募集しています。", preview.QuerySelector("main")!.TextContent);
        Assert.Contains("noindex", preview.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }
}

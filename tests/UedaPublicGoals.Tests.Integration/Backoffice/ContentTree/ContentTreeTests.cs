using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.ContentTree;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Common;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.ContentTree;

/// <summary>The dashboard's content tree: departments and years first, one year's goals at a time, paged.</summary>
public sealed class ContentTreeTests : IDisposable
{
    private const int ManyGoals = TreeOpening.GoalsPerPage + 5;
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private Task<int> LongYearAsync() => LongYear.AddAsync(portal.Services, ManyGoals);

    private static IReadOnlyList<string> GoalTitles(AngleSharp.Dom.IDocument page, int yearId) =>
        page.QuerySelectorAll($"#year-{yearId} .content-tree__document > .content-tree__label").Select(l => HtmlText.Collapse(l.TextContent)).ToList();

    [Fact]
    public async Task Years_open_one_at_a_time_by_a_plain_link_and_long_years_are_paged()
    {
        var longYear = await LongYearAsync();
        var r6 = await EditorPages.R6YearIdAsync(portal);
        var session = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations));

        // By default the newest year of the first department is open, on its first page; other years only count.
        var home = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/"));
        Assert.Equal(TreeOpening.GoalsPerPage, GoalTitles(home, longYear).Count);
        Assert.Equal("試験用の重点目標001", GoalTitles(home, longYear)[0]);
        Assert.Empty(GoalTitles(home, r6));
        Assert.Contains("重点目標 4件", HtmlText.Collapse(home.GetElementById($"year-{r6}")!.TextContent));
        var open = home.QuerySelector($"#year-{r6} a.content-tree__toggle")!;
        Assert.Equal($"/backoffice/?open={r6}#year-{r6}", open.GetAttribute("href"));
        Assert.Equal("false", open.GetAttribute("aria-expanded"));

        // The link opens R6 (no JavaScript needed) and closes the other year.
        var opened = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/?open={r6}"));
        Assert.Equal(4, GoalTitles(opened, r6).Count);
        Assert.NotNull(opened.QuerySelector($"a[href='/backoffice/goals/{EditorPages.GoalId(portal, "koho")}']"));
        Assert.Empty(GoalTitles(opened, longYear));

        // Page 2 of the long year holds the rest, with a link back.
        var next = home.QuerySelector($"#year-{longYear} a[rel=next]")!;
        Assert.Equal($"/backoffice/?open={longYear}&page=2#year-{longYear}", next.GetAttribute("href"));
        var second = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/?open={longYear}&page=2"));
        Assert.Equal(Enumerable.Range(TreeOpening.GoalsPerPage + 1, 5).Select(n => $"試験用の重点目標{n:D3}"), GoalTitles(second, longYear));
        Assert.NotNull(second.QuerySelector($"#year-{longYear} a[rel=prev]"));
        Assert.Contains("2 / 2 ページ", HtmlText.Collapse(second.GetElementById($"year-{longYear}")!.TextContent));

        // Out-of-range pages and unknown years answer a page, never an error.
        Assert.Equal(5, GoalTitles(HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/?open={longYear}&page=99")), longYear).Count);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/backoffice/?open=987654&page=-3")).StatusCode);
        Assert.Empty(GoalTitles(HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/?open=0")), longYear));
    }

    [Fact]
    public async Task The_structure_page_reads_the_same_tree_with_every_goal()
    {
        var longYear = await LongYearAsync();
        var session = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations));

        // The structure page pages the same way: the opened year's goals a page at a time (its next links reach
        // the rest), other years by their link.
        var texts = new List<string>();
        string? path = "/backoffice/structure";
        while (path is not null)
        {
            var html = await session.Client.GetStringAsync(path);
            texts.Add(HtmlText.MainText(html));
            path = HtmlText.Parse(html).QuerySelector($"#year-{longYear} a[rel=next]")?.GetAttribute("href");
        }

        var r6 = await EditorPages.R6YearIdAsync(portal);
        var open = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/structure")).QuerySelector($"#year-{r6} a[aria-expanded=false]")!.GetAttribute("href")!;
        texts.Add(HtmlText.MainText(await session.Client.GetStringAsync(open)));
        var structure = string.Join('\n', texts);

        Assert.Contains("試験用の重点目標001", structure);
        Assert.Contains($"試験用の重点目標{ManyGoals:D3}", structure);
        var r6Titles = await EditorPages.InDatabaseAsync(portal, db => db.Documents.Where(d => d.FiscalYearId != longYear && d.Kind == DocumentKind.Goal)
            .Join(db.Versions, d => new { DocumentId = d.Id, Number = d.DraftVersion }, v => new { v.DocumentId, v.Number }, (d, v) => v.Title).ToListAsync());
        Assert.Equal(4, r6Titles.Count);
        Assert.All(r6Titles, t => Assert.Contains(t, structure));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.ContentTree;
using UedaPublicGoals.Tests.Common;
using UedaPublicGoals.Tests.Integration.Backoffice.ContentTree;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Structure;

/// <summary>
/// The structure page (/backoffice/structure) with many departments and a long year: the dashboard tree's paging and
/// filter, so the page stays small at any size while every department and goal stays reachable and movable.
/// </summary>
public sealed class StructurePagingTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>With the seed's department: three full pages.</summary>
    private const int Generated = (3 * TreeOpening.StructureDepartmentsPerPage) - 1;

    /// <summary>Goals of the long year: a full page and a few more.</summary>
    private const int LongYearGoals = TreeOpening.StructureGoalsPerPage + 5;

    private const string Path = "/backoffice/structure";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static IReadOnlyList<string> DepartmentSlugs(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#departments-heading ~ .structure-list > .structure-item > h3 .content-tree__slug").Select(s => s.TextContent.Trim('/')).ToList();

    private static IReadOnlyList<string> GoalIds(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#departments-heading ~ .structure-list .structure-item--document").Select(li => li.Id!["document-".Length..]).ToList();

    private static bool HasMoveButton(AngleSharp.Dom.IDocument page, string action, string direction) =>
        page.QuerySelector($"button[form=structure-actions][formaction='{action}'][name=direction][value={direction}]") is not null;

    private async Task<BackofficeSession> PublicRelationsAsync() =>
        await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations));

    private Task<int> DepartmentIdAsync(string slug) =>
        EditorPages.InDatabaseAsync(portal, db => db.Departments.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync());

    private Task<int> LongYearAsync() => LongYear.AddAsync(portal.Services, LongYearGoals);

    /// <summary>The year's goal ids in the order the tree lists them, as the page writes them (lower case).</summary>
    private async Task<IReadOnlyList<string>> GoalOrderAsync(int yearId)
    {
        var ids = await EditorPages.InDatabaseAsync(portal, db => db.Documents.Where(d => d.FiscalYearId == yearId && d.DeletedUtc == null)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Slug).Select(d => d.Id).ToListAsync());
        return ids.Select(id => id.ToString()).ToList();
    }

    [Fact]
    public async Task The_page_stays_within_three_times_its_seed_size_and_its_next_links_reach_every_department_once()
    {
        var session = await PublicRelationsAsync();
        var seedBytes = (await session.Client.GetByteArrayAsync(Path)).Length;
        var generated = await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: true);
        var longYear = await LongYearAsync();

        var pages = await DepartmentPages.WalkAsync(session.Client, Path, pageCount: 3);
        var slugs = pages.Select(html => DepartmentSlugs(HtmlText.Parse(html))).ToList();
        Assert.All(slugs, onPage => Assert.InRange(onPage.Count, 1, TreeOpening.StructureDepartmentsPerPage));
        Assert.Equal(["seisaku-kikaku", .. generated], slugs.SelectMany(onPage => onPage));
        var largest = pages.Max(html => System.Text.Encoding.UTF8.GetByteCount(html));
        var longYearPage = HtmlText.Parse(await session.Client.GetStringAsync($"{Path}?open={longYear}&page=2"));
        largest = Math.Max(largest, (await session.Client.GetByteArrayAsync($"{Path}?open={longYear}")).Length);
        output.WriteLine($"structure page: {seedBytes:N0} B with the seed, largest {largest:N0} B with {Generated + 1} departments and a year of {LongYearGoals} goals");
        Assert.InRange(largest, seedBytes, 3 * seedBytes);
        Assert.Equal(LongYearGoals - TreeOpening.StructureGoalsPerPage, GoalIds(longYearPage).Count);
    }

    [Fact]
    public async Task A_long_year_opens_on_its_first_page_of_goals_and_its_pager_and_other_years_links_reach_the_rest()
    {
        var longYear = await LongYearAsync();
        var r6 = await EditorPages.R6YearIdAsync(portal);
        var order = await GoalOrderAsync(longYear);
        var session = await PublicRelationsAsync();

        // The newest year of the first department opens by default; the other year only counts its goals.
        var first = HtmlText.Parse(await session.Client.GetStringAsync(Path));
        Assert.Equal(order.Take(TreeOpening.StructureGoalsPerPage), GoalIds(first));
        Assert.Contains("重点目標 4件", HtmlText.Collapse(first.GetElementById($"year-{r6}")!.TextContent));
        var open = first.QuerySelector($"#year-{r6} a[aria-expanded=false]")!;
        Assert.Equal($"{Path}?open={r6}#year-{r6}", open.GetAttribute("href"));
        Assert.Equal($"{Path}?open={longYear}&page=2#year-{longYear}", first.QuerySelector($"nav.pager[aria-label='政策企画部 令和7年度 の重点目標のページ'] a[rel=next]")!.GetAttribute("href"));

        var second = HtmlText.Parse(await session.Client.GetStringAsync($"{Path}?open={longYear}&page=2"));
        Assert.Equal(order.Skip(TreeOpening.StructureGoalsPerPage), GoalIds(second));
        Assert.Equal((TreeOpening.StructureGoalsPerPage + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), second.QuerySelector($"#year-{longYear} ol")!.GetAttribute("start"));

        var opened = HtmlText.Parse(await session.Client.GetStringAsync(open.GetAttribute("href")!));
        Assert.Equal(4, GoalIds(opened).Count);
        Assert.Equal($"{Path}?open=0#year-{r6}", opened.QuerySelector($"#year-{r6} a[aria-expanded=true]")!.GetAttribute("href"));
        Assert.Empty(GoalIds(HtmlText.Parse(await session.Client.GetStringAsync($"{Path}?open=0"))));

        // Out-of-range pages and unknown years answer a page, never an error.
        Assert.Equal(LongYearGoals - TreeOpening.StructureGoalsPerPage, GoalIds(HtmlText.Parse(await session.Client.GetStringAsync($"{Path}?open={longYear}&page=99"))).Count);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"{Path}?open=987654&page=-3&departmentPage=-1")).StatusCode);
    }

    [Fact]
    public async Task A_goal_moves_across_its_page_boundary_and_the_redirect_shows_the_page_holding_it()
    {
        var longYear = await LongYearAsync();
        var order = await GoalOrderAsync(longYear);
        var session = await PublicRelationsAsync();
        var lastOfFirstPage = order[TreeOpening.StructureGoalsPerPage - 1];
        var moveAction = $"{Path}/documents/{lastOfFirstPage}/move";

        // The last goal of a page still moves down (its neighbour is on the next page); the year's last does not.
        var first = HtmlText.Parse(await session.Client.GetStringAsync(Path));
        Assert.True(HasMoveButton(first, moveAction, "Down"));
        Assert.False(HasMoveButton(first, $"{Path}/documents/{order[0]}/move", "Up"));
        var second = HtmlText.Parse(await session.Client.GetStringAsync($"{Path}?open={longYear}&page=2"));
        Assert.True(HasMoveButton(second, $"{Path}/documents/{order[TreeOpening.StructureGoalsPerPage]}/move", "Up"));
        Assert.False(HasMoveButton(second, $"{Path}/documents/{order[^1]}/move", "Down"));

        var moved = await session.PostFormAsync(Path, moveAction, new() { ["direction"] = "Down" });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"{Path}?open={longYear}&page=2#document-{lastOfFirstPage}", moved.Headers.Location!.OriginalString);
        var after = HtmlText.Parse(await session.Client.GetStringAsync(moved.Headers.Location.OriginalString));
        Assert.Equal(lastOfFirstPage, GoalIds(after)[0]);
        Assert.Equal([.. order.Take(TreeOpening.StructureGoalsPerPage - 1), order[TreeOpening.StructureGoalsPerPage], lastOfFirstPage, .. order.Skip(TreeOpening.StructureGoalsPerPage + 1)], await GoalOrderAsync(longYear));
    }

    [Fact]
    public async Task A_department_moves_across_its_page_boundary_and_the_redirect_shows_the_page_holding_it()
    {
        var generated = await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var session = await PublicRelationsAsync();
        var lastOfFirstPage = await DepartmentIdAsync(generated[TreeOpening.StructureDepartmentsPerPage - 2]);
        var firstOfSecondPage = await DepartmentIdAsync(generated[TreeOpening.StructureDepartmentsPerPage - 1]);
        var moveAction = $"{Path}/departments/{lastOfFirstPage}/move";

        var first = HtmlText.Parse(await session.Client.GetStringAsync(Path));
        Assert.True(HasMoveButton(first, moveAction, "Down"));
        Assert.False(HasMoveButton(first, $"{Path}/departments/{await EditorPages.SeisakuKikakuIdAsync(portal)}/move", "Up"));
        var last = HtmlText.Parse(await session.Client.GetStringAsync($"{Path}?departmentPage=3"));
        Assert.True(HasMoveButton(last, $"{Path}/departments/{await DepartmentIdAsync(generated[^2])}/move", "Down"));
        Assert.False(HasMoveButton(last, $"{Path}/departments/{await DepartmentIdAsync(generated[^1])}/move", "Down"));

        var moved = await session.PostFormAsync(Path, moveAction, new() { ["direction"] = "Down" });

        Assert.Equal($"{Path}?departmentPage=2#department-{lastOfFirstPage}", moved.Headers.Location!.OriginalString);
        var second = HtmlText.Parse(await session.Client.GetStringAsync(moved.Headers.Location.OriginalString));
        Assert.Equal(generated[TreeOpening.StructureDepartmentsPerPage - 2], DepartmentSlugs(second)[0]);
        Assert.Equal(generated[TreeOpening.StructureDepartmentsPerPage - 1], DepartmentSlugs(HtmlText.Parse(await session.Client.GetStringAsync(Path)))[^1]);
        Assert.True(HasMoveButton(second, moveAction, "Up"));
        Assert.NotEqual(lastOfFirstPage, firstOfSecondPage);
    }

    [Fact]
    public async Task The_filter_is_a_get_form_listing_only_matching_departments_whose_other_actions_stay()
    {
        await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var session = await PublicRelationsAsync();

        var home = HtmlText.Parse(await session.Client.GetStringAsync(Path));
        var form = home.QuerySelector("form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(Path, form.GetAttribute("action"));
        Assert.Equal("部局名で絞り込む", home.QuerySelector($"label[for={form.QuerySelector("input[name=q]")!.Id}]")!.TextContent.Trim());

        var filtered = HtmlText.Parse(await session.Client.GetStringAsync($"{Path}?q=" + Uri.EscapeDataString("第2")));
        Assert.Equal(["bu-002", .. Enumerable.Range(20, 4).Select(GeneratedDepartments.Slug)], DepartmentSlugs(filtered));
        Assert.Equal("第2", filtered.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Contains("「第2」を含む部局：5件", HtmlText.Collapse(filtered.QuerySelector("main")!.TextContent));
        Assert.Null(filtered.QuerySelector("nav.pager[aria-label=部局のページ]"));

        // Reordering is among all departments, so its buttons wait for the filter to be cleared; the rest stays.
        var bu020 = await DepartmentIdAsync("bu-020");
        Assert.Null(filtered.QuerySelector($"button[formaction='{Path}/departments/{bu020}/move']"));
        Assert.Contains("並べ替えボタンは、絞り込みを解除すると表示されます", HtmlText.Collapse(filtered.QuerySelector("main")!.TextContent));
        Assert.NotNull(filtered.QuerySelector($"button[form=structure-actions][formaction='{Path}/departments/{bu020}/delete']"));
        Assert.NotNull(filtered.QuerySelector($"a[href='{Path}/departments/{bu020}/years/new']"));
        var year = await EditorPages.InDatabaseAsync(portal, db => db.FiscalYears.Where(y => y.DepartmentId == bu020 && y.Slug == "r6").Select(y => y.Id).SingleAsync());
        Assert.NotNull(filtered.QuerySelector($"button[form=structure-actions][formaction='{Path}/years/{year}/delete']"));

        // Opening a year keeps the filter, so the list stays the same.
        var r6 = await EditorPages.R6YearIdAsync(portal);
        var seisaku = HtmlText.Parse(await session.Client.GetStringAsync($"{Path}?open=0&q=" + Uri.EscapeDataString("政策")));
        Assert.Equal(["seisaku-kikaku"], DepartmentSlugs(seisaku));
        var open = seisaku.QuerySelector($"#year-{r6} a[aria-expanded=false]")!.GetAttribute("href")!;
        Assert.Equal($"{Path}?open={r6}&q=%E6%94%BF%E7%AD%96#year-{r6}", open);
        var opened = HtmlText.Parse(await session.Client.GetStringAsync(open));
        Assert.Equal(["seisaku-kikaku"], DepartmentSlugs(opened));
        Assert.Equal(4, GoalIds(opened).Count);

        Assert.Contains("この条件に合う部局はありません。", HtmlText.MainText(await session.Client.GetStringAsync($"{Path}?q=" + Uri.EscapeDataString("存在しない部"))));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"{Path}?q=" + new string('部', 1000))).StatusCode);
    }

    [Fact]
    public async Task Creating_and_editing_return_to_the_page_holding_the_department_or_the_opened_year()
    {
        var generated = await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var session = await PublicRelationsAsync();

        var created = await session.PostFormAsync($"{Path}/departments/new", $"{Path}/departments/new", new() { ["Name"] = "最後の部", ["Slug"] = "saigo" });
        var saigo = await DepartmentIdAsync("saigo");
        Assert.Equal($"{Path}?departmentPage=4#department-{saigo}", created.Headers.Location!.OriginalString);
        Assert.Contains("saigo", DepartmentSlugs(HtmlText.Parse(await session.Client.GetStringAsync(created.Headers.Location.OriginalString))));

        var year = await session.PostFormAsync($"{Path}/departments/{saigo}/years/new", $"{Path}/departments/{saigo}/years/new",
            new() { ["Year"] = "2025", ["Slug"] = "r7", ["Heading"] = "令和7年度 重点目標" });
        var yearId = await EditorPages.InDatabaseAsync(portal, db => db.FiscalYears.Where(y => y.DepartmentId == saigo).Select(y => y.Id).SingleAsync());
        Assert.Equal($"{Path}?open={yearId}#year-{yearId}", year.Headers.Location!.OriginalString);
        var shown = HtmlText.Parse(await session.Client.GetStringAsync(year.Headers.Location.OriginalString));
        Assert.Contains("saigo", DepartmentSlugs(shown));
        Assert.Contains("4 / 4 ページ", HtmlText.Collapse(shown.QuerySelector("nav.pager[aria-label=部局のページ]")!.TextContent));

        var onSecondPage = generated[TreeOpening.StructureDepartmentsPerPage + 1];
        var middle = await DepartmentIdAsync(onSecondPage);
        var renamed = await session.PostFormAsync($"{Path}/departments/{middle}", $"{Path}/departments/{middle}", new() { ["Name"] = "改名した部", ["Slug"] = onSecondPage });
        Assert.Equal($"{Path}?departmentPage=2#department-{middle}", renamed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_department_author_is_refused_every_page_and_filter_of_it()
    {
        await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var departmentId = await DepartmentIdAsync(GeneratedDepartments.Slug(20));
        var author = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, departmentId));

        foreach (var path in new[] { Path, $"{Path}?departmentPage=2", $"{Path}?q=" + Uri.EscapeDataString("第1"), $"{Path}?open={await EditorPages.R6YearIdAsync(portal)}&page=2" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync(path)).StatusCode);
        }
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.ContentTree;
using UedaPublicGoals.Tests.Common;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.ContentTree;

/// <summary>The dashboard's tree with many departments: a page of them at a time, and a filter by name, both plain GET links.</summary>
public sealed class ContentTreeDepartmentPagingTests : IDisposable
{
    /// <summary>With the seed's department: three full pages.</summary>
    private const int Generated = (3 * TreeOpening.DepartmentsPerPageShown) - 1;

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static IReadOnlyList<string> DepartmentSlugs(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("section[aria-labelledby=tree-goals] .content-tree > li > .content-tree__label .content-tree__slug").Select(s => s.TextContent.Trim('/')).ToList();

    private async Task<BackofficeSession> PublicRelationsAsync() =>
        await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations));

    private Task<int> YearIdAsync(string departmentSlug, string yearSlug) =>
        EditorPages.InDatabaseAsync(portal, db => db.FiscalYears.Where(y => y.Department!.Slug == departmentSlug && y.Slug == yearSlug).Select(y => y.Id).SingleAsync());

    [Fact]
    public async Task The_tree_lists_a_page_of_departments_and_its_next_links_reach_every_department_once()
    {
        var generated = await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var session = await PublicRelationsAsync();

        var pages = (await DepartmentPages.WalkAsync(session.Client, "/backoffice/", pageCount: 3)).Select(html => DepartmentSlugs(HtmlText.Parse(html))).ToList();

        Assert.All(pages, slugs => Assert.InRange(slugs.Count, 1, TreeOpening.DepartmentsPerPageShown));
        Assert.Equal(["seisaku-kikaku", .. generated], pages.SelectMany(slugs => slugs));
    }

    [Fact]
    public async Task The_first_page_opens_the_default_year_and_other_pages_open_none_until_asked()
    {
        await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var session = await PublicRelationsAsync();
        var r6 = await EditorPages.R6YearIdAsync(portal);

        var first = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/"));
        Assert.Equal("/backoffice/?departmentPage=2", DepartmentPages.Link(first, "next"));
        Assert.NotNull(first.QuerySelector($"#year-{r6} a.content-tree__toggle[aria-expanded=true]"));

        var second = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/?departmentPage=2"));
        Assert.Null(second.QuerySelector("a.content-tree__toggle[aria-expanded=true]"));
        Assert.Equal("/backoffice/?departmentPage=1", DepartmentPages.Link(second, "prev"));
        Assert.Equal("/backoffice/?departmentPage=3", DepartmentPages.Link(second, "next"));

        // Out-of-range department pages answer the nearest page, never an error.
        Assert.Equal(TreeOpening.DepartmentsPerPageShown, DepartmentSlugs(HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/?departmentPage=99"))).Count);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/backoffice/?departmentPage=-1")).StatusCode);
    }

    [Fact]
    public async Task Opening_a_year_shows_the_page_of_departments_that_holds_it_and_closing_stays_there()
    {
        await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var session = await PublicRelationsAsync();
        var onSecondPage = TreeOpening.DepartmentsPerPageShown + 2; // after the seed's department and the first page's others
        var year = await YearIdAsync(GeneratedDepartments.Slug(onSecondPage), "r6");

        var page = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/?open={year}"));

        Assert.Contains(GeneratedDepartments.Slug(onSecondPage), DepartmentSlugs(page));
        Assert.Contains("2 / 3 ページ", HtmlText.Collapse(page.QuerySelector("nav.pager[aria-label=部局のページ]")!.TextContent));
        var close = page.QuerySelector($"#year-{year} a.content-tree__toggle[aria-expanded=true]")!;
        Assert.Equal($"/backoffice/?open=0&departmentPage=2#year-{year}", close.GetAttribute("href"));
        var closed = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/?open=0&departmentPage=2"));
        Assert.Contains(GeneratedDepartments.Slug(onSecondPage), DepartmentSlugs(closed));
        Assert.Null(closed.QuerySelector("a.content-tree__toggle[aria-expanded=true]"));
    }

    [Fact]
    public async Task The_filter_is_a_get_form_that_lists_only_matching_departments_and_keeps_itself_in_every_link()
    {
        await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var session = await PublicRelationsAsync();

        var home = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/"));
        var form = home.QuerySelector("form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("部局名で絞り込む", home.QuerySelector($"label[for={form.QuerySelector("input[name=q]")!.Id}]")!.TextContent.Trim());

        var filtered = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/?q=" + Uri.EscapeDataString("第4")));
        Assert.Equal(["bu-004", .. Enumerable.Range(40, 5).Select(GeneratedDepartments.Slug)], DepartmentSlugs(filtered));
        Assert.Equal("第4", filtered.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Contains("「第4」を含む部局：6件", HtmlText.Collapse(filtered.QuerySelector("main")!.TextContent));
        Assert.Null(filtered.QuerySelector("nav.pager[aria-label=部局のページ]"));

        // Opening a year keeps the filter, so the list stays the same (generated years have no goals to open).
        var r6 = await EditorPages.R6YearIdAsync(portal);
        var seisaku = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/?open=0&q=" + Uri.EscapeDataString("政策")));
        Assert.Equal(["seisaku-kikaku"], DepartmentSlugs(seisaku));
        var open = seisaku.QuerySelector($"#year-{r6} a.content-tree__toggle")!.GetAttribute("href")!;
        Assert.Equal($"/backoffice/?open={r6}&q=%E6%94%BF%E7%AD%96#year-{r6}", open);
        var opened = HtmlText.Parse(await session.Client.GetStringAsync(open));
        Assert.Equal(["seisaku-kikaku"], DepartmentSlugs(opened));
        Assert.Equal(4, opened.QuerySelectorAll($"#year-{r6} .content-tree__document").Length);

        // By slug too; nothing matching is said in Japanese; a very long filter is cut, never an error.
        Assert.Equal(["bu-017"], DepartmentSlugs(HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/?q=BU-017"))));
        Assert.Contains("この条件に合う部局はありません。", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/?q=" + Uri.EscapeDataString("存在しない部"))));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/backoffice/?q=" + new string('部', 1000))).StatusCode);
    }

    [Fact]
    public async Task A_department_author_lands_on_the_page_of_the_department_they_edit()
    {
        await GeneratedDepartments.AddAsync(portal.Services, Generated, publish: false);
        var departmentId = await EditorPages.InDatabaseAsync(portal, db => db.Departments.Where(d => d.Slug == GeneratedDepartments.Slug(44)).Select(d => d.Id).SingleAsync());
        var author = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, departmentId));
        var year = await YearIdAsync(GeneratedDepartments.Slug(44), "r6");

        var page = HtmlText.Parse(await author.Client.GetStringAsync("/backoffice/"));

        Assert.Contains(GeneratedDepartments.Slug(44), DepartmentSlugs(page));
        Assert.NotNull(page.QuerySelector($"#year-{year} a.content-tree__toggle[aria-expanded=true]"));
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using UedaPublicGoals.Tests.Common;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Public;

/// <summary>
/// The seed's department plus generated ones, three departments a page and a card limit of two, as a city with
/// hundreds of departments would see them at the default sizes.
/// </summary>
public sealed class ManyDepartmentsPortal : PortalFactory
{
    public const int PerPage = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:DepartmentsPerPage", PerPage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Site:HomeCardLimit", "2");
    }
}

/// <summary>
/// The home page lists the first departments only and links the 部局一覧, whose pages reach every department.
/// The tests only read the eight departments, so they share one portal.
/// </summary>
public sealed class DepartmentDirectoryTests(DepartmentDirectoryTests.EightDepartments seeded) : IClassFixture<DepartmentDirectoryTests.EightDepartments>
{
    [Fact]
    public async Task The_home_page_lists_the_first_departments_and_links_the_directory_for_the_rest()
    {
        var every = seeded.Every;

        var main = HtmlText.Parse(await seeded.Portal.CreatePublicClient().GetStringAsync("/")).QuerySelector("main")!;

        Assert.Equal(8, every.Count);
        var featured = main.QuerySelectorAll("#featured-year ~ .listing-links li > a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(every.Take(ManyDepartmentsPortal.PerPage).Select(d => d + "r6/"), featured);
        // Other years only of the departments shown: 第2部 has 令和5年度, 第4部 (not shown) too.
        var otherYears = main.QuerySelectorAll("#other-years ~ .listing-links li").Select(li => HtmlText.Collapse(li.TextContent)).ToList();
        Assert.Equal(["第2部: 令和5年度（1件）"], otherYears);
        var more = main.QuerySelector(".listing-more a")!;
        Assert.Equal("/bukyoku/", more.GetAttribute("href"));
        Assert.Equal("すべての部局と年度を見る（部局一覧・全8部局）", more.TextContent.Trim());
    }

    [Fact]
    public async Task The_directory_pages_reach_every_department_once_through_plain_next_links()
    {
        var every = seeded.Every;
        var client = seeded.Portal.CreatePublicClient();

        var seen = new List<string>();
        var titles = new List<string>();
        string? path = "/bukyoku/";
        string? previous = null;
        while (path is not null)
        {
            var (response, html) = await HtmlText.GetAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = HtmlText.Parse(html);
            Assert.Equal("https://goals.example.jp" + path, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal(previous is null ? null : "https://goals.example.jp" + previous, page.QuerySelector("link[rel=prev]")?.GetAttribute("href"));
            titles.Add(page.Title!);
            var departments = page.QuerySelectorAll("main .listing-links > li > a:first-child").Select(a => a.GetAttribute("href")!).ToList();
            Assert.InRange(departments.Count, 1, ManyDepartmentsPortal.PerPage);
            seen.AddRange(departments);
            previous = path;
            path = page.QuerySelector("nav .pagination a[rel=next]")?.GetAttribute("href");
            Assert.Equal(path is null ? null : "https://goals.example.jp" + path, page.QuerySelector("link[rel=next]")?.GetAttribute("href"));
        }

        Assert.Equal(every, seen);
        Assert.Equal(3, titles.Count);
        Assert.StartsWith("部局一覧｜", titles[0], StringComparison.Ordinal);
        Assert.StartsWith("部局一覧（3ページ目）｜", titles[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_line_links_the_department_and_each_of_its_years_with_the_count()
    {
        var page = HtmlText.Parse(await seeded.Portal.CreatePublicClient().GetStringAsync("/bukyoku/"));

        var second = page.QuerySelectorAll("main .listing-links > li")[2];
        Assert.Equal("第2部: 令和6年度（1件） 令和5年度（1件）", HtmlText.Collapse(second.TextContent));
        Assert.Equal(["/bu-002/", "/bu-002/r6/", "/bu-002/r5/"], second.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("abc")]
    [InlineData("%EF%BC%92")]
    public async Task A_directory_page_that_does_not_exist_is_not_found(string page)
    {
        var response = await seeded.Portal.CreatePublicClient().GetAsync($"/bukyoku/?page={page}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_every_directory_page_once_the_first_without_a_page_number()
    {
        var xml = System.Xml.Linq.XDocument.Parse(await seeded.Portal.CreatePublicClient().GetStringAsync("/sitemap.xml"));

        // 8 departments at 3 a page: 3 pages, and page 1 only as /bukyoku/.
        var directory = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).PathAndQuery).Where(p => p.StartsWith("/bukyoku/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/bukyoku/", "/bukyoku/?page=2", "/bukyoku/?page=3"], directory);
    }

    [Fact]
    public async Task The_directory_without_its_slash_redirects_permanently()
    {
        var response = await seeded.Portal.CreatePublicClient().GetAsync("/bukyoku?page=1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/bukyoku/?page=1", response.Headers.Location!.OriginalString);
    }

    /// <summary>The seed's department and seven generated ones, published once for the class.</summary>
    public sealed class EightDepartments : IAsyncLifetime
    {
        public ManyDepartmentsPortal Portal { get; } = new();

        /// <summary>Every department's URL in the read model's order.</summary>
        public IReadOnlyList<string> Every { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await GeneratedDepartments.AddAsync(Portal.Services, 7, publish: true);
            Every = Portal.ReadModel.Current.Departments.Select(d => d.Url).ToList();
        }

        public Task DisposeAsync()
        {
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}

/// <summary>The home page as departments are added: it adds forty more, so it starts a portal of its own.</summary>
public sealed class DepartmentDirectoryGrowthTests : IDisposable
{
    private readonly ManyDepartmentsPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_home_page_stays_the_same_length_when_departments_are_added()
    {
        await GeneratedDepartments.AddAsync(portal.Services, 7, publish: true);
        var client = portal.CreatePublicClient();
        var before = HtmlText.Parse(await client.GetStringAsync("/")).QuerySelectorAll("main a").Length;

        await GeneratedDepartments.AddAsync(portal.Services, 40, publish: true, first: 8);
        var after = HtmlText.Parse(await client.GetStringAsync("/")).QuerySelectorAll("main a").Length;

        Assert.Equal(before, after);
    }
}

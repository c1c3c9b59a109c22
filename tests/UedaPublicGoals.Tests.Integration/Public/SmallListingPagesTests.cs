using System.Net;
using Microsoft.AspNetCore.Hosting;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Public;

/// <summary>
/// The seed's four goals with pages of three and a home card limit of two, as a city with many goals would
/// see them at the default sizes: the home page and the department page link instead of listing everything.
/// </summary>
public sealed class SmallPagesPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:GoalsPerPage", "3");
        builder.UseSetting("Site:HomeCardLimit", "2");
    }
}

public sealed class SmallListingPagesTests(SmallPagesPortal portal) : IClassFixture<SmallPagesPortal>
{
    private const string YearPath = "/seisaku-kikaku/r6/";

    [Fact]
    public async Task A_year_page_shows_one_page_of_goals_and_links_the_next_in_the_head_and_the_pager()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), YearPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(html);
        Assert.Equal(SourceSheets.GoalTitles().Take(3), page.QuerySelectorAll(".card__title a").Select(a => a.TextContent.Trim()));
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/?page=2", page.QuerySelector("link[rel=next]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("link[rel=prev]"));
        Assert.Equal("/seisaku-kikaku/r6/?page=2", page.QuerySelector("nav .pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("1ページ目", page.QuerySelector(".pagination a[aria-current=page]")!.TextContent.Trim());
        Assert.Contains("（4件、優先順位の順）", page.QuerySelector(".page-lead")!.TextContent);
    }

    [Fact]
    public async Task The_second_page_has_the_rest_its_own_canonical_url_and_title_and_is_cached_apart_from_the_first()
    {
        var client = portal.CreatePublicClient();
        await client.GetStringAsync(YearPath); // the first page is in the output cache now

        var (response, html) = await HtmlText.GetAsync(client, YearPath + "?page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(html);
        Assert.Equal([SourceSheets.GoalTitles()[3]], page.QuerySelectorAll(".card__title a").Select(a => a.TextContent.Trim()));
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/?page=2", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/", page.QuerySelector("link[rel=prev]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("link[rel=next]"));
        Assert.Contains("2ページ目", page.Title);
        Assert.Equal(3, HtmlText.Parse(await client.GetStringAsync(YearPath)).QuerySelectorAll(".card").Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("abc")]
    [InlineData("%EF%BC%92")]
    public async Task A_page_number_outside_the_year_is_not_found(string page)
    {
        var response = await portal.CreatePublicClient().GetAsync($"{YearPath}?page={page}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_home_page_above_its_card_limit_links_each_department_with_its_count_instead_of_the_goals()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = HtmlText.Parse(html).QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll(".card"));
        Assert.Equal("令和6年度の重点目標（部局別）", main.QuerySelector("h2")!.TextContent.Trim());
        var link = Assert.Single(main.QuerySelectorAll(".listing-links a"));
        Assert.Equal(YearPath, link.GetAttribute("href"));
        Assert.Equal("政策企画部 令和6年度 重点目標 4件", HtmlText.Collapse(link.ParentElement!.TextContent));
    }

    [Fact]
    public async Task The_department_page_shows_the_first_page_of_its_year_and_links_the_rest()
    {
        var (_, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/seisaku-kikaku/");

        var page = HtmlText.Parse(html);
        Assert.Equal(3, page.QuerySelectorAll(".card").Length);
        var more = page.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("続きを見る", StringComparison.Ordinal));
        Assert.Equal("/seisaku-kikaku/r6/?page=2", more.GetAttribute("href"));
        Assert.Equal("続きを見る（令和6年度の重点目標 全4件）", more.TextContent.Trim());
    }
}

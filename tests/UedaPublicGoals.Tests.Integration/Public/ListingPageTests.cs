using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Public;

public sealed class ListingPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task Department_year_page_lists_the_four_goals_in_priority_order()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/seisaku-kikaku/r6/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(html);
        var titles = document.QuerySelectorAll(".card__title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(SourceSheets.GoalTitles(), titles);
        var priorities = document.QuerySelectorAll(".card__priority").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(["優先順位 1位", "優先順位 2位", "優先順位 3位", "優先順位 4位"], priorities);
        Assert.Equal("/seisaku-kikaku/r6/sogo-keikaku/", document.QuerySelector(".card__title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Home_page_explains_the_portal_and_lists_goals_with_a_status_line()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(html);
        Assert.Equal("ja", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("政策企画部", document.QuerySelector("main")!.TextContent);
        Assert.Contains("令和6年度 重点目標", document.QuerySelector("main")!.TextContent);
        Assert.Equal(4, document.QuerySelectorAll(".card").Length);
        Assert.All(document.QuerySelectorAll(".card__meta"), m => Assert.Contains("報告はまだありません", m.TextContent));
        Assert.Equal(
            ["取組6件・報告はまだありません（未報告）", "取組3件・報告はまだありません（未報告）", "取組3件・報告はまだありません（未報告）", "取組2件・報告はまだありません（未報告）"],
            document.QuerySelectorAll(".card__meta").Select(m => m.TextContent.Trim()));
    }

    [Fact]
    public async Task Department_page_links_its_fiscal_years()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/seisaku-kikaku/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(HtmlText.Parse(html).QuerySelectorAll("a"), a => a.GetAttribute("href") == "/seisaku-kikaku/r6/");
    }

    [Theory]
    [InlineData("about", "このサイトについて")]
    [InlineData("privacy", "個人情報の取扱い")]
    [InlineData("accessibility", "アクセシビリティ方針")]
    public async Task Generic_pages_are_published_and_linked_from_the_footer(string slug, string title)
    {
        var client = portal.CreatePublicClient();
        var (response, html) = await HtmlText.GetAsync(client, $"/pages/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, HtmlText.Parse(html).QuerySelector("h1")!.TextContent.Trim());

        var (_, home) = await HtmlText.GetAsync(client, "/");
        Assert.Contains(HtmlText.Parse(home).QuerySelectorAll(".site-footer a"), a => a.GetAttribute("href") == $"/pages/{slug}");
    }
}

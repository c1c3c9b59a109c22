using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Public;

public sealed class RoutingAndErrorTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Theory]
    [InlineData("/unknown-department/")]
    [InlineData("/seisaku-kikaku/r5/")]
    [InlineData("/seisaku-kikaku/r6/no-such-goal/")]
    [InlineData("/pages/no-such-page")]
    [InlineData("/seisaku-kikaku/R6/")]
    [InlineData("/seisaku-kikaku/r6/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/pages/..%2f..%2fappsettings.json")]
    [InlineData("/pages/%01")]
    [InlineData("/seisaku-kikaku/r6/koho/%3Cscript%3E/")]
    [InlineData("/%E6%94%BF%E7%AD%96/")]
    [InlineData("/seisaku-kikaku/r6/koho/extra/segment/")]
    [InlineData("/seisaku-kikaku/r6/-koho-/")]
    [InlineData("/appsettings.json")]
    [InlineData("/../../etc/passwd")]
    public async Task Unknown_or_odd_paths_get_the_Japanese_404_page(string path)
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = HtmlText.Parse(html);
        Assert.Equal("ページが見つかりません", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("noindex, nofollow", document.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task An_unhandled_error_shows_a_Japanese_page_without_internals()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/__test/throw");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("エラーが発生しました", html);
        Assert.DoesNotContain("secret-internal-detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task Content_urls_without_the_trailing_slash_redirect_permanently()
    {
        var response = await portal.CreatePublicClient().GetAsync("/seisaku-kikaku/r6/koho");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/seisaku-kikaku/r6/koho/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Head_requests_are_answered()
    {
        var response = await portal.CreatePublicClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/seisaku-kikaku/r6/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Goal_pages_carry_breadcrumbs_canonical_and_sharing_tags()
    {
        var (_, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/seisaku-kikaku/r6/gakuen-toshi/");
        var document = HtmlText.Parse(html);
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/gakuen-toshi/", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/gakuen-toshi/", document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("長野大学の改革促進と学園都市づくりの推進", document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.StartsWith("市内の5大学等との連携", document.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.Equal("ja_JP", document.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        Assert.NotNull(document.QuerySelector("meta[name='twitter:card']"));

        var crumbs = document.QuerySelectorAll(".breadcrumbs li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["ホーム", "政策企画部", "令和6年度", "重点目標 3"], crumbs);
        Assert.Equal("page", document.QuerySelector(".breadcrumbs li:last-child")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Sitemap_lists_every_published_url_and_robots_points_to_it()
    {
        var client = portal.CreatePublicClient();
        var sitemap = await client.GetAsync("/sitemap.xml");
        Assert.Equal("application/xml", sitemap.Content.Headers.ContentType!.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await sitemap.Content.ReadAsStringAsync());
        var locs = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://goals.example.jp/", locs);
        Assert.Contains("https://goals.example.jp/seisaku-kikaku/r6/", locs);
        foreach (var slug in SourceSheets.GoalSlugs)
        {
            Assert.Contains($"https://goals.example.jp/seisaku-kikaku/r6/{slug}/", locs);
        }

        Assert.Contains("https://goals.example.jp/pages/privacy", locs);
        Assert.Equal(locs.Count, locs.Distinct().Count());

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: https://goals.example.jp/sitemap.xml", robots);
    }

    [Fact]
    public async Task Responses_are_compressed_and_carry_security_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/seisaku-kikaku/r6/koho/");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var response = await portal.CreatePublicClient().SendAsync(request);
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Stylesheets_are_linked_by_fingerprinted_url_and_served()
    {
        var client = portal.CreatePublicClient();
        var document = HtmlText.Parse(await client.GetStringAsync("/"));
        var hrefs = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal(2, hrefs.Count);
        Assert.All(hrefs, href => Assert.Matches(@"^/css/(tokens|site)\.[a-z0-9]{6,}\.css$", href));
        foreach (var href in hrefs)
        {
            var response = await client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
        }
    }
}

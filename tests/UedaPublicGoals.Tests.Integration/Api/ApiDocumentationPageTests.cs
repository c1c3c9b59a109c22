using System.Net;
using Newtonsoft.Json.Linq;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using UedaPublicGoals.Tests.Integration.Public;
using static UedaPublicGoals.Tests.Integration.Api.ApiResponses;

namespace UedaPublicGoals.Tests.Integration.Api;

/// <summary>The Japanese page for people who want to use the API.</summary>
public sealed class ApiDocumentationPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task The_api_page_explains_the_endpoints_with_working_curl_examples_and_the_terms()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/api/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(html);
        Assert.Equal("ja", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("API（開発者向け）", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("https://goals.example.jp/api/", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        var examples = document.QuerySelectorAll("pre code").Select(c => c.TextContent).ToList();
        // The first published goal whose sheet has a KPI (priority 1) is the example.
        var exampleId = GoalId(portal, "sogo-keikaku");
        Assert.Contains(examples, e => e.Contains("curl https://goals.example.jp/api/v1/departments"));
        Assert.Contains(examples, e => e.Contains("curl https://goals.example.jp/api/v1/departments/seisaku-kikaku/years/2024/goals"));
        Assert.Contains(examples, e => e.Contains("curl https://goals.example.jp/api/v1/departments/seisaku-kikaku/years/r6/goals"));
        Assert.Contains(examples, e => e.Contains($"curl https://goals.example.jp/api/v1/goals/{exampleId}"));
        Assert.Contains(examples, e => e.Contains("If-None-Match"));

        // The example answer is real JSON of a published goal.
        var sample = examples.Single(e => e.TrimStart().StartsWith('{') && e.Contains("\"initiatives\""));
        var json = Parse(sample);
        Assert.Equal(exampleId.ToString("D"), (string?)json["id"]);
        Assert.Equal("council-meetings", (string?)json["initiatives"]![0]!["measures"]![0]!["kpis"]![0]!["key"]);
        Assert.Single((JArray)json["initiatives"]!);

        var links = document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/api/openapi.json", links);
        Assert.Contains("/opendata/", links);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/deed.ja", links);
        var text = HtmlText.MainText(html);
        Assert.Contains("未報告）は null", text);
        Assert.Contains("現在、別のオリジンからの呼び出しは許可していません", text);
    }

    [Fact]
    public async Task Every_example_url_on_the_page_answers()
    {
        var client = portal.CreatePublicClient();
        var document = HtmlText.Parse(await client.GetStringAsync("/api/"));
        var urls = document.QuerySelectorAll("pre code")
            .SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c.TextContent, @"https://goals\.example\.jp(/api/v1/[^\s'""]+)").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.True(urls.Count >= 4, string.Join(", ", urls));
        foreach (var path in urls.Where(u => !u.StartsWith("/api/v1/search", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task The_api_page_without_its_slash_redirects()
    {
        var response = await portal.CreatePublicClient().GetAsync("/api");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/api/", response.Headers.Location!.OriginalString);
    }
}

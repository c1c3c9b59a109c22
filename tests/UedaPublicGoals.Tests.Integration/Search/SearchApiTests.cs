using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace UedaPublicGoals.Tests.Integration.Search;

/// <summary>GET /api/v1/search: the JSON shape, paging limits and error codes.</summary>
public sealed partial class SearchApiTests(SeededSearchPortal seeded) : IClassFixture<SeededSearchPortal>
{
    private HttpClient Client => seeded.Client;

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    [Fact]
    public async Task A_search_returns_camel_case_json_with_breadcrumbs_and_a_marked_snippet()
    {
        var (status, json) = await SearchTestSupport.GetJsonAsync(Client, SearchTestSupport.ApiPath("LINE"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["query", "total", "skip", "take", "results"], json.Properties().Select(p => p.Name).ToArray());
        Assert.Equal("LINE", (string)json["query"]!);
        Assert.Equal(1, (int)json["total"]!);
        Assert.Equal(0, (int)json["skip"]!);
        Assert.Equal(20, (int)json["take"]!);

        var result = (JObject)Assert.Single(json["results"]!);
        Assert.Equal(["type", "title", "url", "breadcrumb", "snippet", "department", "year", "updated"], result.Properties().Select(p => p.Name).ToArray());
        Assert.Equal("initiative", (string)result["type"]!);
        Assert.Equal("市民が共感できる効果的な情報発信の推進", (string)result["title"]!);
        Assert.Equal("/seisaku-kikaku/r6/koho/#initiative-1", (string)result["url"]!);
        Assert.Equal(["政策企画部", "令和6年度", "総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進"], result["breadcrumb"]!.Select(b => (string)b!).ToArray());
        Assert.Contains("<mark>LINE</mark>友だち登録者数の増加", (string)result["snippet"]!);
        Assert.Equal("seisaku-kikaku", (string)result["department"]!);
        Assert.Equal(2024, (int)result["year"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", result["updated"]!.ToString(Newtonsoft.Json.Formatting.None).Trim('"'));
    }

    [Fact]
    public async Task Pages_have_no_department_or_year()
    {
        var (_, json) = await SearchTestSupport.GetJsonAsync(Client, SearchTestSupport.ApiPath("個人情報"));
        var page = json["results"]!.First(r => (string)r["url"]! == "/pages/privacy");
        Assert.Equal("page", (string)page["type"]!);
        Assert.Equal(JTokenType.Null, page["department"]!.Type);
        Assert.Equal(JTokenType.Null, page["year"]!.Type);
    }

    [Fact]
    public async Task Skip_and_take_page_through_the_same_ordering()
    {
        var all = await SearchTestSupport.ResultUrlsAsync(Client, "DX");
        Assert.True(all.Count >= 3, "precondition: several results");

        var (_, second) = await SearchTestSupport.GetJsonAsync(Client, SearchTestSupport.ApiPath("DX", "&skip=1&take=1"));
        Assert.Equal(all.Count, (int)second["total"]!);
        Assert.Equal(1, (int)second["skip"]!);
        Assert.Equal(1, (int)second["take"]!);
        Assert.Equal(all[1], (string)Assert.Single(second["results"]!)["url"]!);

        var (_, max) = await SearchTestSupport.GetJsonAsync(Client, SearchTestSupport.ApiPath("の", "&take=100"));
        Assert.Equal(100, (int)max["take"]!);
    }

    [Theory]
    [InlineData("&skip=1000")]
    [InlineData("&skip=2147483647&take=100")]
    public async Task A_skip_past_the_end_is_an_empty_page_with_the_total(string paging)
    {
        var (status, json) = await SearchTestSupport.GetJsonAsync(Client, SearchTestSupport.ApiPath("DX", paging));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((int)json["total"]! > 0);
        Assert.Empty(json["results"]!);
    }

    [Theory]
    [InlineData("「」！？")]
    [InlineData("title:学園都市 AND (\"x")]
    [InlineData("\"unbalanced")]
    [InlineData("🎉")]
    public async Task Punctuation_syntax_and_emoji_are_searched_as_text(string query)
    {
        var (status, json) = await SearchTestSupport.GetJsonAsync(Client, SearchTestSupport.ApiPath(query));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, (int)json["total"]!);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { SearchTestSupport.ApiPath("DX", "&take=10000"), "invalid_take" },
        { SearchTestSupport.ApiPath("DX", "&take=-1"), "invalid_take" },
        { SearchTestSupport.ApiPath("DX", "&take=0"), "invalid_take" },
        { SearchTestSupport.ApiPath("DX", "&take=101"), "invalid_take" },
        { SearchTestSupport.ApiPath("DX", "&take=ten"), "invalid_take" },
        { SearchTestSupport.ApiPath("DX", "&take=99999999999"), "invalid_take" },
        { SearchTestSupport.ApiPath("DX", "&skip=-1"), "invalid_skip" },
        { SearchTestSupport.ApiPath("DX", "&skip=1.5"), "invalid_skip" },
        { SearchTestSupport.ApiPath("DX", "&department=no-such-department"), "unknown_department" },
        { SearchTestSupport.ApiPath("DX", "&year=1999"), "unknown_year" },
        { SearchTestSupport.ApiPath("DX", "&year=r6"), "unknown_year" },
        { SearchTestSupport.ApiPath("DX", "&type=goals"), "unknown_type" },
        { SearchTestSupport.ApiPath(new string('x', 201)), "query_too_long" },
        { SearchTestSupport.ApiPath(new string('字', 1000)), "query_too_long" },
        { "/api/v1/search", "missing_query" },
        { SearchTestSupport.ApiPath("  "), "missing_query" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refusals_are_json_400_with_a_code_and_a_japanese_message(string path, string code)
    {
        var (status, json) = await SearchTestSupport.GetJsonAsync(Client, path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["error"], json.Properties().Select(p => p.Name).ToArray());
        Assert.Equal(code, (string)json["error"]!["code"]!);
        Assert.Matches(Japanese(), (string)json["error"]!["message"]!);
    }

    [Fact]
    public async Task A_query_of_exactly_200_characters_is_accepted()
    {
        var (status, _) = await SearchTestSupport.GetJsonAsync(Client, SearchTestSupport.ApiPath(new string('字', 200)));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Filters_apply_to_the_api_too()
    {
        var (_, json) = await SearchTestSupport.GetJsonAsync(Client, SearchTestSupport.ApiPath("情報発信", "&department=seisaku-kikaku&year=2024&type=goal"));
        var result = Assert.Single(json["results"]!);
        Assert.Equal("/seisaku-kikaku/r6/koho/", (string)result["url"]!);
    }
}

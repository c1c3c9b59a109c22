using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using UedaPublicGoals.Tests.Integration.Public;
using static UedaPublicGoals.Tests.Integration.Api.ApiResponses;

namespace UedaPublicGoals.Tests.Integration.Api;

/// <summary>The shape and values of every delivery API endpoint, read from the seeded portal.</summary>
public sealed partial class DeliveryApiTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Origin = "https://goals.example.jp";

    [Fact]
    public async Task Departments_list_the_department_with_its_fiscal_years_and_links()
    {
        var response = await portal.CreatePublicClient().GetAsync("/api/v1/departments");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        Assert.True(response.Headers.ETag!.IsWeak);

        var json = Parse(await response.Content.ReadAsStringAsync());
        var department = Assert.Single((JArray)json["departments"]!);
        Assert.Equal(["slug", "name", "url", "fiscalYears"], ((JObject)department).Properties().Select(p => p.Name));
        Assert.Equal("seisaku-kikaku", (string?)department["slug"]);
        Assert.Equal("政策企画部", (string?)department["name"]);
        Assert.Equal($"{Origin}/seisaku-kikaku/", (string?)department["url"]);

        var year = Assert.Single((JArray)department["fiscalYears"]!);
        Assert.Equal(2024, (int)year["year"]!);
        Assert.Equal("r6", (string?)year["slug"]);
        Assert.Equal("令和6年度", (string?)year["label"]);
        Assert.Equal("令和6年度 重点目標", (string?)year["heading"]);
        Assert.Equal($"{Origin}/seisaku-kikaku/r6/", (string?)year["url"]);
        Assert.Equal($"{Origin}/api/v1/departments/seisaku-kikaku/years/2024/goals", (string?)year["goalsApiUrl"]);
        Assert.Equal(4, (int)year["goalCount"]!);
    }

    [Fact]
    public async Task A_year_is_addressed_by_western_year_or_by_slug_with_the_same_answer()
    {
        var client = portal.CreatePublicClient();
        var western = await client.GetAsync("/api/v1/departments/seisaku-kikaku/years/2024/goals");
        var slug = await client.GetAsync("/api/v1/departments/seisaku-kikaku/years/r6/goals");
        Assert.Equal(HttpStatusCode.OK, western.StatusCode);
        Assert.Equal(HttpStatusCode.OK, slug.StatusCode);
        Assert.Equal(await western.Content.ReadAsStringAsync(), await slug.Content.ReadAsStringAsync());
        Assert.Equal(western.Headers.ETag, slug.Headers.ETag);
    }

    [Fact]
    public async Task Year_goals_come_in_priority_order_with_every_initiative_and_measure()
    {
        var json = await GetOkJsonAsync(portal.CreatePublicClient(), "/api/v1/departments/seisaku-kikaku/years/2024/goals");
        Assert.Equal("seisaku-kikaku", (string?)json["department"]!["slug"]);
        Assert.Equal(2024, (int)json["fiscalYear"]!["year"]!);
        Assert.Equal("r6", (string?)json["fiscalYear"]!["slug"]);
        Assert.Equal("令和6年度", (string?)json["fiscalYear"]!["label"]);

        var goals = (JArray)json["goals"]!;
        Assert.Equal(SourceSheets.GoalSlugs, goals.Select(g => (string)g["slug"]!));
        Assert.Equal([1, 2, 3, 4], goals.Select(g => (int)g["priority"]!));
        Assert.Equal(SourceSheets.GoalTitles(), goals.Select(g => (string)g["title"]!));
        Assert.Equal([6, 3, 3, 2], goals.Select(g => ((JArray)g["initiatives"]!).Count));
        Assert.Equal([14, 9, 7, 5], goals.Select(g => g["initiatives"]!.Sum(i => ((JArray)i["measures"]!).Count)));
    }

    [Fact]
    public async Task A_goal_carries_everything_of_its_sheet_with_nulls_for_what_is_not_reported()
    {
        var id = GoalId(portal, "koho");
        var goal = (JObject)await GetOkJsonAsync(portal.CreatePublicClient(), $"/api/v1/goals/{id}");

        Assert.Equal(
            ["id", "slug", "url", "apiUrl", "version", "publishedAt", "department", "fiscalYear", "priority", "title",
             "comprehensivePlanPosition", "restructuringPlanPosition", "administrativeReformPosition", "currentSituation",
             "purposeAndEffect", "sdgGoals", "initiatives", "specialNotes", "progress", "plainSummary", "commentField"],
            goal.Properties().Select(p => p.Name));
        Assert.Equal(id.ToString("D"), (string?)goal["id"]);
        Assert.Equal("koho", (string?)goal["slug"]);
        Assert.Equal($"{Origin}/seisaku-kikaku/r6/koho/", (string?)goal["url"]);
        Assert.Equal($"{Origin}/api/v1/goals/{id:D}", (string?)goal["apiUrl"]);
        Assert.Equal(1, (int)goal["version"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", (string)goal["publishedAt"]!);
        Assert.Equal("政策企画部", (string?)goal["department"]!["name"]);
        AssertJsonEqual("""{"year":2024,"slug":"r6","label":"令和6年度","heading":"令和6年度 重点目標","url":"https://goals.example.jp/seisaku-kikaku/r6/","midtermReportMonth":10,"finalReportMonth":3}""", goal["fiscalYear"]);
        // やさしい日本語 is the city's to write: none in the seed, an explicit null (issue 8).
        Assert.Equal(JTokenType.Null, goal["plainSummary"]!.Type);
        Assert.Equal("情報発信・広報", (string?)goal["commentField"]);
        Assert.Equal(4, (int)goal["priority"]!);
        Assert.Equal("総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進", (string?)goal["title"]);
        Assert.StartsWith("第1編 自治・協働・行政", (string?)goal["comprehensivePlanPosition"]);
        Assert.StartsWith("5 DXやGX等の革新的技術", (string?)goal["restructuringPlanPosition"]);
        Assert.Contains("ウ 市民への説明責任を果たす", (string?)goal["administrativeReformPosition"]);
        Assert.StartsWith("常に進化し続ける情報化社会の中", (string?)goal["currentSituation"]);
        Assert.StartsWith("誰もが容易に情報を取得するために", (string?)goal["purposeAndEffect"]);
        Assert.Equal(JTokenType.Array, goal["sdgGoals"]!.Type);
        Assert.Empty(goal["sdgGoals"]!);

        var initiatives = (JArray)goal["initiatives"]!;
        Assert.Equal(2, initiatives.Count);
        var first = (JObject)initiatives[0];
        Assert.Equal(1, (int)first["number"]!);
        Assert.Equal("①", (string?)first["marker"]);
        Assert.Equal("市民が共感できる効果的な情報発信の推進", (string?)first["title"]);
        Assert.Equal(4, ((JArray)first["measures"]!).Count);
        // 未報告 is an explicit null, never a missing property.
        Assert.Equal(JTokenType.Null, first.Property("midtermReport")!.Value.Type);
        Assert.Equal(JTokenType.Null, first.Property("finalReport")!.Value.Type);
        Assert.Equal(JTokenType.Null, first.Property("period")!.Value.Type);
        Assert.Equal(JTokenType.Null, first.Property("plainSummary")!.Value.Type);

        var sns = first["measures"]![2]!;
        Assert.Equal(3, (int)sns["number"]!);
        Assert.Equal("メール・SNS等を活用した情報発信媒体の充実", (string?)sns["method"]);
        Assert.Equal("通年", (string?)sns["period"]);
        Assert.Contains("LINE友だち登録者数の増加 (13,967人→17,000人)", (string?)sns["target"]);
        var line = (JObject)sns["kpis"]![0]!;
        Assert.Equal(["key", "label", "unit", "baseline", "target", "latest", "measurements", "gradeOverride", "gradeOverrideReason"], line.Properties().Select(p => p.Name));
        Assert.Equal(JTokenType.Null, line["gradeOverride"]!.Type);
        Assert.Equal("line-friends", (string?)line["key"]);
        Assert.Equal("LINE友だち登録者数", (string?)line["label"]);
        Assert.Equal("人", (string?)line["unit"]);
        Assert.Equal(13967m, (decimal)line["baseline"]!);
        Assert.Equal(17000m, (decimal)line["target"]!);
        Assert.Equal(JTokenType.Null, line["latest"]!.Type);
        Assert.Empty(line["measurements"]!);
        Assert.Equal("youtube-subscribers", (string?)sns["kpis"]![1]!["key"]);

        var training = initiatives[1]["measures"]![0]!["kpis"]![0]!;
        Assert.Equal(JTokenType.Null, training["baseline"]!.Type);
        Assert.Equal(2m, (decimal)training["target"]!);

        AssertJsonEqual("""{"citizenParticipation":null,"effectsAndRemainingIssues":null}""", goal["specialNotes"]);
        AssertJsonEqual("""{"initiativeCount":2,"midtermReported":0,"finalReported":0,"summary":"取組2件・報告はまだありません（未報告）"}""", goal["progress"]);
    }

    [Fact]
    public async Task Numbers_are_written_as_they_are_and_names_are_camel_case()
    {
        var client = portal.CreatePublicClient();
        var raw = await client.GetStringAsync($"/api/v1/goals/{GoalId(portal, "koho")}");
        Assert.Contains("\"baseline\":13967,", raw);
        Assert.Contains("\"target\":17000,", raw);
        Assert.DoesNotContain("17000.0", raw);

        var names = new List<string>();
        CollectPropertyNames(Parse(await client.GetStringAsync("/api/v1/departments/seisaku-kikaku/years/2024/goals")), names);
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches(CamelCase(), name));
    }

    [Fact]
    public async Task A_page_is_returned_with_its_markdown_body_and_links()
    {
        var about = portal.ReadModel.Current.FindPage("about")!;
        var page = (JObject)await GetOkJsonAsync(portal.CreatePublicClient(), "/api/v1/pages/about");
        Assert.Equal(["slug", "title", "summary", "body", "url", "apiUrl", "version", "publishedAt"], page.Properties().Select(p => p.Name));
        Assert.Equal("about", (string?)page["slug"]);
        Assert.Equal(about.Content.Title, (string?)page["title"]);
        Assert.Equal(about.Content.Body, (string?)page["body"]);
        Assert.Equal($"{Origin}/pages/about", (string?)page["url"]);
        Assert.Equal($"{Origin}/api/v1/pages/about", (string?)page["apiUrl"]);
    }

    [Theory]
    [InlineData("/api/v1/departments/no-such-department/years/2024/goals")]
    [InlineData("/api/v1/departments/seisaku-kikaku/years/2023/goals")]
    [InlineData("/api/v1/departments/seisaku-kikaku/years/r5/goals")]
    [InlineData("/api/v1/departments/seisaku-kikaku/years/R6/goals")]
    [InlineData("/api/v1/departments/seisaku-kikaku/years/+2024/goals")]
    [InlineData("/api/v1/departments/seisaku-kikaku/years/99999999999999999999/goals")]
    [InlineData("/api/v1/goals/0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/api/v1/pages/no-such-page")]
    [InlineData("/api/v1/pages/..%2f..%2fappsettings.json")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v1/departments/seisaku-kikaku")]
    [InlineData("/api/v1/departments/seisaku-kikaku/years/2024/goals/extra")]
    [InlineData("/api/v2/departments")]
    [InlineData("/api/seisaku-kikaku/r6/koho/")]
    [InlineData("/api/%E6%94%BF%E7%AD%96")]
    public async Task Unknown_things_under_api_answer_a_JSON_404_with_a_code(string path)
    {
        var response = await portal.CreatePublicClient().GetAsync(path);
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task An_unknown_goal_id_says_so_in_Japanese()
    {
        var response = await portal.CreatePublicClient().GetAsync($"/api/v1/goals/{Guid.NewGuid()}");
        var error = await AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal("指定された重点目標は見つかりません。", (string?)error["message"]);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    [InlineData("7d3bc719-7e12-43e4-9a2f-7fc70dbe7b6Z")]
    [InlineData("%3Cscript%3E")]
    public async Task A_malformed_goal_id_is_a_400_with_a_code(string id)
    {
        var response = await portal.CreatePublicClient().GetAsync($"/api/v1/goals/{id}");
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_id");
    }

    [Theory]
    [InlineData("POST", "/api/v1/departments")]
    [InlineData("PUT", "/api/v1/goals/0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("DELETE", "/api/v1/pages/about")]
    [InlineData("POST", "/api/v1/no-such-thing")]
    public async Task The_api_is_read_only(string method, string path)
    {
        var response = await portal.CreatePublicClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });
        await AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_matching_etag_gets_304_without_a_body_and_a_stale_one_gets_the_content()
    {
        var client = portal.CreatePublicClient();
        var path = $"/api/v1/goals/{GoalId(portal, "smart-city")}";
        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag!;

        var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal("public, max-age=60", notModified.Headers.CacheControl!.ToString());

        var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.TryAddWithoutValidation("If-None-Match", "W/\"0123456789abcdef0123456789abcdef\"");
        var full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await full.Content.ReadAsStringAsync());

        // Another goal's ETag does not match this goal.
        var other = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/goals/{GoalId(portal, "koho")}");
        other.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Head_answers_like_get_without_a_body()
    {
        var client = portal.CreatePublicClient();
        var get = await client.GetAsync("/api/v1/departments");
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/departments"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Answers_are_compressed_when_asked_and_keep_their_etag()
    {
        var client = portal.CreatePublicClient();
        var plain = await client.GetAsync("/api/v1/departments/seisaku-kikaku/years/2024/goals");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/departments/seisaku-kikaku/years/2024/goals");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var compressed = await client.SendAsync(request);
        Assert.Contains("gzip", compressed.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.Contains("Origin", compressed.Headers.Vary);
    }

    [Fact]
    public async Task The_public_goal_pages_still_answer_beside_the_api()
    {
        var response = await portal.CreatePublicClient().GetAsync("/seisaku-kikaku/r6/koho/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    private static void CollectPropertyNames(JToken token, List<string> names)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    names.Add(property.Name);
                    CollectPropertyNames(property.Value, names);
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    CollectPropertyNames(item, names);
                }

                break;
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();
}

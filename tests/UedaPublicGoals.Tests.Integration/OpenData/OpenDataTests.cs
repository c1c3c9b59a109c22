using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.OpenData;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Api.ApiResponses;

namespace UedaPublicGoals.Tests.Integration.OpenData;

/// <summary>goals.csv, goals.json and the /opendata/ page, through the real pipeline on the seed.</summary>
public sealed class OpenDataTests : IDisposable
{
    private static readonly string[] ExpectedHeader =
    [
        "部局", "年度", "年度（西暦）", "優先順位", "重点目標",
        "取組番号", "取組項目", "方法・手段番号", "方法・手段", "期間・期限", "数値目標",
        "KPIの数", "KPI名", "KPI基準値", "KPI目標値", "KPI単位", "KPI最新値", "KPI最新値の日付",
        "最新の報告", "報告時の進み具合", "報告日", "重点目標のURL", "重点目標ID",
    ];

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<(HttpResponseMessage Response, byte[] Bytes, List<string[]> Records)> GetCsvAsync()
    {
        var response = await portal.CreatePublicClient().GetAsync("/opendata/goals.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.AsSpan(3));
        return (response, bytes, Rfc4180Reader.Read(text));
    }

    private static Dictionary<string, string> Row(string[] record) =>
        ExpectedHeader.Zip(record).ToDictionary(p => p.First, p => p.Second);

    [Fact]
    public async Task The_csv_is_utf8_with_bom_crlf_and_a_japanese_header()
    {
        var (response, bytes, records) = await GetCsvAsync();
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("goals.csv", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(ExpectedHeader, records[0]);
        Assert.All(records, r => Assert.Equal(ExpectedHeader.Length, r.Length));
    }

    [Fact]
    public async Task The_csv_has_exactly_one_row_per_measure()
    {
        var (_, _, records) = await GetCsvAsync();
        var rows = records.Skip(1).Select(Row).ToList();

        // 14 + 9 + 7 + 5 measures in the four seeded sheets.
        Assert.Equal(35, rows.Count);
        var seeded = portal.ReadModel.Current.AllGoals.Sum(g => g.Content.Initiatives.Sum(i => i.Measures.Count));
        Assert.Equal(seeded, rows.Count);
        Assert.Equal([14, 9, 7, 5], SourceSheets.GoalSlugs.Select(slug => rows.Count(r => r["重点目標のURL"] == $"https://goals.example.jp/seisaku-kikaku/r6/{slug}/")));
        Assert.Equal(rows.Count, rows.Select(r => (r["重点目標ID"], r["取組番号"], r["方法・手段番号"])).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("政策企画部", r["部局"]));
        Assert.All(rows, r => Assert.Equal("令和6年度", r["年度"]));
        Assert.All(rows, r => Assert.Equal("2024", r["年度（西暦）"]));
    }

    [Fact]
    public async Task Japanese_text_kpis_and_unreported_status_come_through_intact()
    {
        var (_, _, records) = await GetCsvAsync();
        var rows = records.Skip(1).Select(Row).ToList();
        var kohoId = GoalId(portal, "koho").ToString("D");

        var sns = rows.Single(r => r["重点目標ID"] == kohoId && r["取組番号"] == "1" && r["方法・手段番号"] == "3");
        Assert.Equal("4", sns["優先順位"]);
        Assert.Equal("総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進", sns["重点目標"]);
        Assert.Equal("市民が共感できる効果的な情報発信の推進", sns["取組項目"]);
        Assert.Equal("メール・SNS等を活用した情報発信媒体の充実", sns["方法・手段"]);
        Assert.Equal("通年", sns["期間・期限"]);
        Assert.Equal("LINE友だち登録者数の増加 (13,967人→17,000人)\nYouTubeアカウント登録者数の増加 (6,152人→6,600人)", sns["数値目標"]);
        // Two KPIs on one measure: one row, values joined in the same order in each column.
        Assert.Equal("2", sns["KPIの数"]);
        Assert.Equal("LINE友だち登録者数 | YouTubeアカウント登録者数", sns["KPI名"]);
        Assert.Equal("13967 | 6152", sns["KPI基準値"]);
        Assert.Equal("17000 | 6600", sns["KPI目標値"]);
        Assert.Equal("人 | 人", sns["KPI単位"]);
        Assert.Equal("", sns["KPI最新値"]);
        Assert.Equal("未報告", sns["最新の報告"]);
        Assert.Equal("未報告", sns["報告時の進み具合"]);
        Assert.Equal("", sns["報告日"]);
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/koho/", sns["重点目標のURL"]);

        var training = rows.Single(r => r["重点目標ID"] == kohoId && r["取組番号"] == "2");
        Assert.Equal("1", training["KPIの数"]);
        Assert.Equal("職員の情報発信力を強化するための研修会", training["KPI名"]);
        Assert.Equal("", training["KPI基準値"]);
        Assert.Equal("2", training["KPI目標値"]);
        Assert.Equal("回", training["KPI単位"]);

        var withoutKpi = rows.First(r => r["重点目標ID"] == kohoId && r["方法・手段番号"] == "1");
        Assert.Equal("0", withoutKpi["KPIの数"]);
        Assert.Equal("広報うえだの充実", withoutKpi["方法・手段"]);
        Assert.Equal("", withoutKpi["KPI名"]);
    }

    [Fact]
    public async Task The_files_are_generated_once_per_publish_and_regenerated_after_one()
    {
        var files = portal.Services.GetRequiredService<OpenDataFiles>();
        var client = portal.CreatePublicClient();
        var (first, _, _) = await GetCsvAsync();
        var generated = files.LastGenerated;
        Assert.NotNull(generated);
        await client.GetAsync("/opendata/goals.json");
        await client.GetAsync("/opendata/goals.csv");
        Assert.Same(generated, files.LastGenerated);

        var id = GoalId(portal, "koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Initiatives[0].Measures[0].Method = "=HYPERLINK(\"https://evil.example.com\",\"詳細\")";
            draft.Initiatives[0].Measures[1].Method = "@SUM(1+1)";
            draft.Initiatives[0].MidtermReport = new ProgressReport { Text = "順調です。", Status = ProgressStatus.SlightlyBehind, ReportedOn = new DateOnly(2024, 10, 1) };
            draft.Initiatives[0].Measures[2].Kpis[0].Measurements.Add(new KpiMeasurement { Date = new DateOnly(2024, 10, 1), Value = 15200 });
            draft.Initiatives[1].Measures[0].Kpis[0].Measurements.Add(new KpiMeasurement { Date = new DateOnly(2024, 11, 5), Value = 1 });
            await store.SaveDraftAsync(id, draft, "test");
        });

        // A draft changes nothing.
        await client.GetAsync("/opendata/goals.csv");
        Assert.Same(generated, files.LastGenerated);

        await portal.WithStoreAsync((store, _) => store.PublishAsync(id, "test"));

        // The publish handler made the new files before anyone asked for them.
        var regenerated = files.LastGenerated;
        Assert.NotSame(generated, regenerated);
        Assert.Same(portal.ReadModel.Current, regenerated!.Source);

        var (second, _, records) = await GetCsvAsync();
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Same(regenerated, files.LastGenerated);
        var rows = records.Skip(1).Select(Row).Where(r => r["重点目標ID"] == id.ToString("D")).ToList();
        Assert.Equal(5, rows.Count);

        // Formula-like text gets a leading apostrophe; spreadsheets show it as text.
        Assert.Equal("'=HYPERLINK(\"https://evil.example.com\",\"詳細\")", rows[0]["方法・手段"]);
        Assert.Equal("'@SUM(1+1)", rows[1]["方法・手段"]);

        Assert.All(rows.Take(4), r => Assert.Equal("中間報告", r["最新の報告"]));
        Assert.All(rows.Take(4), r => Assert.Equal("やや遅れ", r["報告時の進み具合"]));
        Assert.All(rows.Take(4), r => Assert.Equal("2024-10-01", r["報告日"]));
        Assert.Equal("未報告", rows[4]["最新の報告"]);
        Assert.Equal("15200 | ", rows[2]["KPI最新値"]);
        Assert.Equal("2024-10-01 | ", rows[2]["KPI最新値の日付"]);
        Assert.Equal("1", rows[4]["KPI最新値"]);
        Assert.Equal("2024-11-05", rows[4]["KPI最新値の日付"]);
    }

    [Fact]
    public async Task A_publish_shares_the_unchanged_goals_pieces_with_the_files_it_replaces()
    {
        // Memory follows the site, not the publishes: publishing one goal makes new bytes for that goal (and the
        // goals.json envelope with its date) only; the files are never joined into one array per publish.
        var files = portal.Services.GetRequiredService<OpenDataFiles>();
        var before = files.Current;
        var id = GoalId(portal, "koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Title += "（改訂）";
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });
        var after = files.LastGenerated!;
        Assert.NotSame(before, after);

        static HashSet<byte[]> Arrays(OpenDataFile file) => file.Content.Pieces
            .Select(piece => MemoryMarshal.TryGetArray(piece, out var segment) ? segment.Array! : throw new InvalidOperationException("a piece without an array"))
            .ToHashSet<byte[]>(ReferenceEqualityComparer.Instance);

        static int NewArrays(OpenDataFile previous, OpenDataFile current) => Arrays(current).Count(array => !Arrays(previous).Contains(array));
        Assert.Equal(1, NewArrays(before.GoalsCsv, after.GoalsCsv));
        Assert.Equal(2, NewArrays(before.GoalsJson, after.GoalsJson));
        Assert.All(after.GoalsJson.Content.Pieces, piece => Assert.True(piece.Length < after.GoalsJson.Content.Length / 2));
        Assert.Contains("（改訂）", Encoding.UTF8.GetString(await portal.CreatePublicClient().GetByteArrayAsync("/opendata/goals.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_the_current_etag_gets_304()
    {
        var client = portal.CreatePublicClient();
        foreach (var path in new[] { "/opendata/goals.csv", "/opendata/goals.json" })
        {
            var first = await client.GetAsync(path);
            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            var response = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Goals_json_holds_every_goal_in_the_api_shape_with_the_terms()
    {
        var json = await GetOkJsonAsync(portal.CreatePublicClient(), "/opendata/goals.json");
        Assert.Equal(["title", "licence", "generatedAt", "goals"], ((JObject)json).Properties().Select(p => p.Name));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.ja", (string?)json["licence"]!["url"]);
        Assert.Equal("出典：上田市「上田市 重点目標ポータル」", (string?)json["licence"]!["attribution"]);
        Assert.Matches(@"Z$", (string)json["generatedAt"]!);

        var goals = (JArray)json["goals"]!;
        Assert.Equal(SourceSheets.GoalSlugs, goals.Select(g => (string)g["slug"]!));
        var koho = goals.Single(g => (string?)g["slug"] == "koho");
        Assert.Equal(2, ((JArray)koho["initiatives"]!).Count);
        Assert.Equal(JTokenType.Null, ((JObject)koho["initiatives"]![0]!).Property("midtermReport")!.Value.Type);
        Assert.Equal(13967m, (decimal)koho["initiatives"]![0]!["measures"]![2]!["kpis"]![0]!["baseline"]!);
        Assert.Equal("https://goals.example.jp/seisaku-kikaku/r6/koho/", (string?)koho["url"]);

        // Same goal, same shape as the API (goals.json is indented, the API is not).
        var api = await GetOkJsonAsync(portal.CreatePublicClient(), $"/api/v1/goals/{GoalId(portal, "koho")}");
        Assert.True(JToken.DeepEquals(api, koho));
    }

    [Fact]
    public async Task The_open_data_page_gives_the_downloads_terms_and_columns_in_japanese()
    {
        var client = portal.CreatePublicClient();
        var (response, html) = await HtmlText.GetAsync(client, "/opendata/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(html);
        Assert.Equal("オープンデータ", document.QuerySelector("h1")!.TextContent.Trim());
        var links = document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/opendata/goals.csv", links);
        Assert.Contains("/opendata/goals.json", links);
        Assert.Contains("/api/", links);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/deed.ja", links);

        var text = HtmlText.MainText(html);
        Assert.Contains("このサイトのデータは、クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）に準じて、次の条件で利用できます。", text);
        Assert.Contains("出典：上田市「上田市 重点目標ポータル」", text);
        Assert.Contains("重点目標 4件、35行", text);
        Assert.Contains("「 | 」", text);
        Assert.Contains("「'」（アポストロフィ）", text);

        var columns = document.QuerySelectorAll("table.responsive-table tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(ExpectedHeader, columns);

        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/opendata")).StatusCode);
    }

    [Fact]
    public async Task Every_page_links_to_open_data_in_the_footer()
    {
        var document = HtmlText.Parse(await portal.CreatePublicClient().GetStringAsync("/"));
        Assert.Contains(document.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/opendata/" && a.TextContent == "オープンデータ");
    }
}

namespace UedaPublicGoals.Tests.Integration.Search;

/// <summary>
/// Queries a resident would type, over the seed (政策企画部 令和6年度), and the goal, 取組項目 or
/// page that must come first or within the first three. Through the real HTTP pipeline.
/// </summary>
public sealed class SearchGoldenSetTests(SeededSearchPortal seeded) : IClassFixture<SeededSearchPortal>
{
    private const string SogoKeikaku = "/seisaku-kikaku/r6/sogo-keikaku/";
    private const string SmartCity = "/seisaku-kikaku/r6/smart-city/";
    private const string GakuenToshi = "/seisaku-kikaku/r6/gakuen-toshi/";
    private const string Koho = "/seisaku-kikaku/r6/koho/";

    public static TheoryData<string, string, int> Cases => new()
    {
        { "学園都市", GakuenToshi, 1 },
        { "LINE", Koho + "#initiative-1", 1 },
        { "line", Koho + "#initiative-1", 1 },
        { "ＬＩＮＥ", Koho + "#initiative-1", 1 },
        { "土地利用", SogoKeikaku + "#initiative-4", 1 },
        { "スマートシティ", SmartCity, 1 },
        { "ｽﾏｰﾄｼﾃｨ", SmartCity, 1 },
        { "ＤＸ", SmartCity, 1 },
        { "dx", SmartCity, 1 },
        { "長野大学", GakuenToshi, 1 },
        { "情報発信", Koho, 1 },
        { "SDGs", SogoKeikaku + "#initiative-3", 1 },
        { "YouTube", Koho + "#initiative-1", 1 },
        { "総合計画審議会", SogoKeikaku + "#initiative-1", 1 },
        { "市民ICT支援センター", SmartCity + "#initiative-3", 1 },
        { "マルチメディア情報センター", SmartCity + "#initiative-3", 1 },
        { "信州上田学", GakuenToshi + "#initiative-3", 1 },
        { "上田未来会議", GakuenToshi + "#initiative-3", 1 },
        { "まちなかキャンパス", GakuenToshi + "#initiative-2", 3 },
        { "公民連携", SmartCity + "#initiative-2", 3 },
        { "ゼロカーボン", GakuenToshi + "#initiative-1", 1 },
        { "統計データ", SogoKeikaku + "#initiative-5", 1 },
        { "オープンデータ", SogoKeikaku + "#initiative-5", 1 },
        { "合併20周年", SogoKeikaku + "#initiative-6", 1 },
        { "職員研修", Koho + "#initiative-2", 1 },
        { "DX人材", SmartCity + "#initiative-1", 1 },
        { "市民 アンケート", SogoKeikaku + "#initiative-1", 1 },
        { "若者", SogoKeikaku + "#initiative-1", 1 },
        { "EBPM", SogoKeikaku, 1 },
        { "個人情報", "/pages/privacy", 1 },
        { "アクセシビリティ", "/pages/accessibility", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_expected_result_comes_first_or_within_the_first_three(string query, string expectedUrl, int withinFirst)
    {
        var urls = await SearchTestSupport.ResultUrlsAsync(seeded.Client, query);
        var rank = urls.IndexOf(expectedUrl) + 1;
        Assert.True(rank is >= 1 && rank <= withinFirst, $"「{query}」: expected {expectedUrl} within the first {withinFirst}, got rank {rank} in [{string.Join(", ", urls.Take(5))}]");
    }

    [Fact]
    public async Task Full_width_half_width_and_upper_or_lower_case_find_the_same_results()
    {
        var dx = await SearchTestSupport.ResultUrlsAsync(seeded.Client, "DX");
        Assert.NotEmpty(dx);
        Assert.Equal(dx, await SearchTestSupport.ResultUrlsAsync(seeded.Client, "ＤＸ"));
        Assert.Equal(dx, await SearchTestSupport.ResultUrlsAsync(seeded.Client, "dx"));
        Assert.Equal(dx, await SearchTestSupport.ResultUrlsAsync(seeded.Client, "ｄｘ"));

        var katakana = await SearchTestSupport.ResultUrlsAsync(seeded.Client, "マルチメディア");
        Assert.NotEmpty(katakana);
        Assert.Equal(katakana, await SearchTestSupport.ResultUrlsAsync(seeded.Client, "ﾏﾙﾁﾒﾃﾞｨｱ"));
    }

    [Fact]
    public async Task A_word_in_a_title_ranks_above_the_same_word_in_body_text()
    {
        // 土地利用 is the title of sogo-keikaku ④ and only body text of the goal itself.
        var urls = await SearchTestSupport.ResultUrlsAsync(seeded.Client, "土地利用");
        Assert.Equal([SogoKeikaku + "#initiative-4", SogoKeikaku], urls);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using UedaPublicGoals.Tests.Integration.Search;
using static UedaPublicGoals.Tests.Integration.Japanese.JapanesePortal;
using static UedaPublicGoals.Tests.Integration.Search.SearchTestSupport;

namespace UedaPublicGoals.Tests.Integration.Japanese;

/// <summary>Search readings (MeCab kana of every indexed text) and the synonym list.</summary>
public sealed class KanaSearchTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    [Theory]
    [InlineData("がくえんとし", "gakuen-toshi")]
    [InlineData("ガクエントシ", "gakuen-toshi")]
    [InlineData("ｶﾞｸｴﾝﾄｼ", "gakuen-toshi")]
    [InlineData("しんぎかい", "sogo-keikaku")]
    [InlineData("ながのだいがく", "gakuen-toshi")]
    [InlineData("すまーとしてぃ", "smart-city")]
    [InlineData("こうほうし", "koho")]
    [InlineData("ライン", "koho")] // seeded synonyms: the form the content uses
    [InlineData("ユーチューブ", "koho")]
    [InlineData("ﾕｰﾁｭｰﾌﾞ", "koho")]
    public async Task A_kana_query_finds_the_kanji_form_or_its_listed_synonym(string query, string goal)
    {
        await portal.SearchIndexFlushedAsync();

        var urls = await ResultUrlsAsync(portal.CreatePublicClient(), query);

        Assert.Contains(urls, u => u.StartsWith(GoalPath(goal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kana_query_matches_whole_readings_not_scattered_characters()
    {
        await portal.SearchIndexFlushedAsync();

        Assert.Empty(await ResultUrlsAsync(portal.CreatePublicClient(), "がくえんとしみらいこうくう"));
    }

    [Fact]
    public async Task A_synonym_added_in_the_backoffice_is_used_by_the_next_search_and_bad_input_is_refused()
    {
        await portal.SearchIndexFlushedAsync();
        var client = portal.CreatePublicClient();
        Assert.Empty(await ResultUrlsAsync(client, "ソーシャルメディア"));

        var staff = await portal.SessionAsync(BackofficeRoles.PublicRelations);
        var refused = await staff.PostFormAsync("/backoffice/synonyms", "/backoffice/synonyms", new() { ["Form.Word"] = "ライン", ["Form.Value"] = "LINE公式" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("「ライン」はすでに登録されています。", await refused.Content.ReadAsStringAsync());
        var empty = await staff.PostFormAsync("/backoffice/synonyms", "/backoffice/synonyms", new() { ["Form.Word"] = "ソーシャルメディア", ["Form.Value"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(2, await portal.QueryAsync(db => db.SearchSynonyms.CountAsync()));

        var saved = await staff.PostFormAsync("/backoffice/synonyms", "/backoffice/synonyms", new() { ["Form.Word"] = "ソーシャルメディア", ["Form.Value"] = "SNS" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains(await ResultUrlsAsync(client, "ソーシャルメディア"), u => u.StartsWith(GoalPath("koho"), StringComparison.Ordinal));
    }
}

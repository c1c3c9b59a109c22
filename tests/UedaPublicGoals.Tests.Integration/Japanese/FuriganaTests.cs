using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Japanese.JapanesePortal;

namespace UedaPublicGoals.Tests.Integration.Japanese;

/// <summary>
/// ふりがな on demand through the real pipeline: MeCab (Debian's libmecab2 + mecab-ipadic-utf8),
/// the seeded reading list, the switch link and cookie, the output cache per variant, and the
/// reading list edited in the backoffice.
/// </summary>
public sealed class FuriganaTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    /// <summary>
    /// Words of the seed sheets with their readings, checked by hand. The last ones are where the
    /// dictionary alone reads wrongly and the seeded reading list (content-seed/japanese) or the
    /// month rule corrects it: 信州上田学 (学 = まなぶ), 協働 (働 unknown), 3月 (つき).
    /// </summary>
    public static readonly string[] Golden =
    [
        "上田(うえだ)", "総合(そうごう)", "計画(けいかく)", "推進(すいしん)", "市民(しみん)", "意見(いけん)",
        "事業(じぎょう)", "目標(もくひょう)", "連携(れんけい)", "発信(はっしん)", "年度(ねんど)", "行政(ぎょうせい)",
        "策定(さくてい)", "活用(かつよう)", "報告(ほうこく)", "地域(ちいき)", "学園(がくえん)", "都市(とし)",
        "重点(じゅうてん)", "進捗(しんちょく)", "職員(しょくいん)", "構想(こうそう)", "政策(せいさく)", "広報(こうほう)",
        "人材(じんざい)", "魅力(みりょく)", "財政(ざいせい)", "課題(かだい)", "評価(ひょうか)", "令和(れいわ)",
        "審議(しんぎ)", "定住(ていじゅう)", "自立(じりつ)", "取組(とりくみ)", "進(すす)", "長野大学(ながのだいがく)",
        "信州上田学(しんしゅううえだがく)", "協働(きょうどう)", "月(がつ)",
    ];

    [Fact]
    public async Task The_furigana_goal_pages_read_the_golden_words_right()
    {
        var client = CookielessClient(portal);
        var rubies = new HashSet<string>();
        foreach (var slug in GoalSlugs)
        {
            rubies.UnionWith(Rubies(await PageAsync(client, GoalPath(slug) + "?furigana=on")));
        }

        Assert.True(Golden.Length >= 30);
        Assert.All(Golden, word => Assert.Contains(word, rubies));

        // Okurigana stays outside: every ruby base is kanji only, and 学 is never まなぶ here.
        Assert.All(rubies, r => Assert.Matches(@"^[\p{IsCJKUnifiedIdeographs}々〆〇ヶヵ]+\(\p{IsHiragana}+\)$", r));
        Assert.DoesNotContain("学(まなぶ)", rubies);
    }

    [Fact]
    public async Task Okurigana_is_outside_the_ruby_and_nothing_but_text_changes()
    {
        var client = CookielessClient(portal);
        var plain = await client.GetStringAsync(GoalPath("gakuen-toshi"));
        var withFurigana = await client.GetStringAsync(GoalPath("gakuen-toshi") + "?furigana=on");

        Assert.Contains("<ruby>進<rt>すす</rt></ruby>める", withFurigana);
        Assert.DoesNotContain("<ruby>", plain);

        // Reading the ruby away gives back the plain page's main text.
        var page = HtmlText.Parse(withFurigana);
        foreach (var rt in page.QuerySelectorAll("rt").ToList())
        {
            rt.Remove();
        }

        Assert.Equal(HtmlText.MainText(plain), HtmlText.Collapse(page.QuerySelector("main")!.TextContent));
        Assert.Equal(HtmlText.Parse(plain).Title, page.Title);
    }

    [Fact]
    public async Task The_switch_is_a_link_remembered_for_the_visit_by_a_session_cookie()
    {
        var visitor = BackofficeSession.Open(portal).Client;
        var first = HtmlText.Parse(await visitor.GetStringAsync("/"));
        var toggle = first.QuerySelector("a.site-nav__furigana")!;
        Assert.Equal("ふりがなをつける", toggle.TextContent);
        Assert.Equal("/?furigana=on", toggle.GetAttribute("href"));
        Assert.Empty(first.QuerySelectorAll("ruby"));

        var switched = await visitor.GetAsync("/?furigana=on");
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith("furigana=on", StringComparison.Ordinal));
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);

        // Every later page of the visit has furigana, without the parameter.
        foreach (var path in new[] { GoalPath("koho"), "/seisaku-kikaku/", "/seisaku-kikaku/r6/", "/pages/about", "/yogo/", "/search?q=%E5%AD%A6%E5%9C%92", "/iken/dai3ji-sogo-keikaku/", "/iken/dai3ji-sogo-keikaku/results" })
        {
            var page = await PageAsync(visitor, path);
            Assert.True(page.QuerySelectorAll("main ruby").Length > 0 || path == "/yogo/", $"no ruby on {path}");
            Assert.Equal("ふりがなをはずす", page.QuerySelector("a.site-nav__furigana")!.TextContent);
        }

        // The comment form keeps its fields as they are: no ruby inside options or the text box.
        var form = await PageAsync(visitor, "/iken/dai3ji-sogo-keikaku/");
        Assert.Empty(form.QuerySelectorAll("option ruby, textarea ruby"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        var off = await visitor.GetAsync(GoalPath("koho") + "?furigana=off");
        Assert.Contains(off.Headers.GetValues("Set-Cookie"), c => c.StartsWith("furigana=;", StringComparison.Ordinal));
        Assert.Empty(HtmlText.Parse(await visitor.GetStringAsync(GoalPath("koho"))).QuerySelectorAll("ruby"));
    }

    [Fact]
    public async Task The_plain_and_the_furigana_page_are_cached_separately()
    {
        var client = CookielessClient(portal);
        var path = GoalPath("smart-city");
        for (var round = 0; round < 2; round++)
        {
            Assert.DoesNotContain("<ruby>", await client.GetStringAsync(path));
            Assert.Contains("<ruby>", await client.GetStringAsync(path + "?furigana=on"));
            var withCookie = new HttpRequestMessage(HttpMethod.Get, path);
            withCookie.Headers.Add("Cookie", "furigana=on");
            Assert.Contains("<ruby>", await (await client.SendAsync(withCookie)).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_reading_list_in_the_backoffice_overrides_the_dictionary()
    {
        var client = CookielessClient(portal);
        var path = GoalPath("gakuen-toshi") + "?furigana=on";
        Assert.Contains("長野大学(ながのだいがく)", Rubies(await PageAsync(client, path)));

        var staff = await portal.SessionAsync(UedaPublicGoals.Backoffice.Accounts.BackofficeRoles.PublicRelations);
        var saved = await staff.PostFormAsync("/backoffice/readings", "/backoffice/readings", new() { ["Form.Word"] = "長野大学", ["Form.Value"] = "ナガノオオガク" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        try
        {
            // Katakana is folded to hiragana; the cached furigana page was evicted.
            var rubies = Rubies(await PageAsync(client, path));
            Assert.Contains("長野大学(ながのおおがく)", rubies);
            Assert.DoesNotContain("長野大学(ながのだいがく)", rubies);
        }
        finally
        {
            var id = await portal.QueryAsync(db => db.ReadingList.Where(r => r.Word == "長野大学").Select(r => r.Id).SingleAsync());
            await staff.PostFormAsync("/backoffice/readings", $"/backoffice/readings/{id}/delete", []);
        }

        Assert.Contains("長野大学(ながのだいがく)", Rubies(await PageAsync(client, path)));
    }

    [Theory]
    [InlineData("武石", "たけし1", "Form.Value", "読みはひらがな（またはカタカナ）だけで入力してください")]
    [InlineData("武石", "武石", "Form.Value", "読みはひらがな（またはカタカナ）だけで入力してください")]
    [InlineData("武石", "たけ し", "Form.Value", "読みはひらがな（またはカタカナ）だけで入力してください")]
    [InlineData("たけし", "たけし", "Form.Word", "読みを付ける語には漢字を含めてください")]
    [InlineData("", "たけし", "Form.Word", "語を入力してください")]
    [InlineData("上田", "うえた", "Form.Word", "「上田」の読みはすでに登録されています")]
    public async Task A_bad_reading_is_refused_next_to_its_field_keeping_what_was_typed(string word, string reading, string field, string message)
    {
        var before = await portal.QueryAsync(db => db.ReadingList.CountAsync());
        var staff = await portal.SessionAsync(UedaPublicGoals.Backoffice.Accounts.BackofficeRoles.PublicRelations);

        var response = await staff.PostFormAsync("/backoffice/readings", "/backoffice/readings", new() { ["Form.Word"] = word, ["Form.Value"] = reading });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        var input = page.QuerySelector($"input[name='{field}']")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var error = page.GetElementById(input.GetAttribute("aria-describedby")!.Split(' ').Last())!;
        Assert.Contains(message, error.TextContent);
        Assert.Equal(word, page.QuerySelector("input[name='Form.Word']")!.GetAttribute("value"));
        Assert.Equal(reading, page.QuerySelector("input[name='Form.Value']")!.GetAttribute("value"));
        Assert.Equal(before, await portal.QueryAsync(db => db.ReadingList.CountAsync()));
    }

    [Fact]
    public async Task Text_MeCab_cannot_read_is_shown_without_ruby_and_the_rest_still_has_it()
    {
        var longParagraph = string.Concat(Enumerable.Repeat("長い段落の文章です。", 500));
        await PublishPageAsync(portal, "furigana-edge", "読めない文字の確認", $"絵文字😀とLatin text、計画の確認。\n\n{longParagraph}\n\nüñí©ødé 𠮷野家 と 上田市");

        var response = await CookielessClient(portal).GetAsync("/pages/furigana-edge?furigana=on");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());

        var rubies = Rubies(page);
        Assert.Contains("計画(けいかく)", rubies);
        Assert.Contains("上田(うえだ)", rubies);
        Assert.Contains("絵文字(えもじ)", rubies);
        foreach (var rt in page.QuerySelectorAll("rt").ToList())
        {
            rt.Remove();
        }

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("絵文字😀とLatin text、計画の確認。", text);
        Assert.Contains("üñí©ødé 𠮷野家 と 上田市", text);
        var longText = page.QuerySelectorAll("main p").Single(p => p.TextContent.StartsWith("長い段落", StringComparison.Ordinal));
        Assert.Empty(longText.QuerySelectorAll("ruby"));
        Assert.Equal(longParagraph, longText.TextContent);
    }
}

using System.Net;
using AngleSharp.Dom;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Search;

/// <summary>The /search page and the header search box, as a resident (and a screen reader) meets them.</summary>
public sealed class SearchPageTests(SeededSearchPortal seeded) : IClassFixture<SeededSearchPortal>
{
    private HttpClient Client => seeded.Client;

    private async Task<(HttpStatusCode Status, IDocument Document)> GetPageAsync(string path)
    {
        var (response, html) = await HtmlText.GetAsync(Client, path);
        return (response.StatusCode, HtmlText.Parse(html));
    }

    private static string MainText(IDocument document) => HtmlText.Collapse(document.QuerySelector("main")!.TextContent);

    [Theory]
    [InlineData("/")]
    [InlineData("/seisaku-kikaku/r6/koho/")]
    [InlineData("/pages/about")]
    [InlineData("/search")]
    [InlineData("/no-such-page/")]
    public async Task Every_page_has_a_labelled_get_search_box_in_the_header(string path)
    {
        var (_, document) = await GetPageAsync(path);
        var form = Assert.Single(document.QuerySelectorAll("header form.site-search"));
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.Equal("search", input.GetAttribute("type"));
        var label = form.QuerySelector($"label[for='{input.Id}']")!;
        Assert.Equal("サイト内検索", label.TextContent.Trim());
        Assert.Contains("visually-hidden", label.ClassList);
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
    }

    [Fact]
    public async Task Results_are_an_ordered_list_of_headed_links_with_breadcrumbs_and_marked_snippets()
    {
        var (status, document) = await GetPageAsync(SearchTestSupport.SearchPath("学園都市"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("「学園都市」の検索結果（2件）", document.Title);
        Assert.Equal("noindex, nofollow", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));

        var summary = document.QuerySelector(".search-summary")!;
        Assert.Equal("status", summary.GetAttribute("role"));
        Assert.Equal("「学園都市」に一致する結果は 2 件です。1〜2件目を表示しています。", HtmlText.Collapse(summary.TextContent));

        var list = document.QuerySelector("ol.search-results")!;
        Assert.Equal("1", list.GetAttribute("start"));
        var items = list.Children.Where(c => c.LocalName == "li").ToList();
        Assert.Equal(2, items.Count);

        var first = items[0];
        Assert.Equal("重点目標（優先順位 3位）", first.QuerySelector(".search-result__label")!.TextContent);
        var link = first.QuerySelector("h3 > a")!;
        Assert.Equal("/seisaku-kikaku/r6/gakuen-toshi/", link.GetAttribute("href"));
        Assert.Equal("長野大学の改革促進と学園都市づくりの推進", link.TextContent);
        Assert.Equal("学園都市", link.QuerySelector("mark")!.TextContent);
        Assert.Equal(["政策企画部", "令和6年度"], first.QuerySelectorAll(".search-result__path li").Select(li => li.TextContent).ToArray());
        var snippet = first.QuerySelector(".search-result__snippet")!;
        Assert.All(snippet.QuerySelectorAll("mark"), m => Assert.Equal("学園都市", m.TextContent));
        Assert.NotEmpty(snippet.QuerySelectorAll("mark"));

        var second = items[1];
        Assert.Equal("取組項目 ②", second.QuerySelector(".search-result__label")!.TextContent);
        Assert.Equal("/seisaku-kikaku/r6/gakuen-toshi/#initiative-2", second.QuerySelector("h3 > a")!.GetAttribute("href"));
        Assert.Equal("長野大学の改革促進と学園都市づくりの推進", second.QuerySelectorAll(".search-result__path li").Last().TextContent);
    }

    [Fact]
    public async Task The_form_is_labelled_and_keeps_what_was_typed_and_chosen()
    {
        var (_, document) = await GetPageAsync(SearchTestSupport.SearchPath("情報発信", "&department=seisaku-kikaku&year=2024&type=initiative"));
        var form = document.QuerySelector("main form.search-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("search", form.GetAttribute("role"));
        foreach (var field in form.QuerySelectorAll("input[name], select[name]"))
        {
            Assert.NotNull(form.QuerySelector($"label[for='{field.Id}']"));
        }

        Assert.Equal("情報発信", form.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Equal("seisaku-kikaku", form.QuerySelector("select[name=department] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2024", form.QuerySelector("select[name=year] option[selected]")!.GetAttribute("value"));
        Assert.Equal("initiative", form.QuerySelector("select[name=type] option[selected]")!.GetAttribute("value"));
        Assert.Equal("令和6年度", form.QuerySelector("select[name=year] option[selected]")!.TextContent);
        Assert.True(form.QuerySelector("details.search-filters")!.HasAttribute("open"), "filters in use stay visible");

        var (_, unfiltered) = await GetPageAsync(SearchTestSupport.SearchPath("情報発信"));
        Assert.False(unfiltered.QuerySelector("details.search-filters")!.HasAttribute("open"), "unused filters fold away so results come first on a phone");
    }

    [Fact]
    public async Task Filters_narrow_the_results_by_type()
    {
        var (_, all) = await GetPageAsync(SearchTestSupport.SearchPath("情報発信"));
        var (_, initiatives) = await GetPageAsync(SearchTestSupport.SearchPath("情報発信", "&type=initiative"));
        var allLabels = all.QuerySelectorAll(".search-result__label").Select(e => e.TextContent).ToList();
        var initiativeLabels = initiatives.QuerySelectorAll(".search-result__label").Select(e => e.TextContent).ToList();
        Assert.Contains(allLabels, l => l.StartsWith("重点目標"));
        Assert.NotEmpty(initiativeLabels);
        Assert.True(initiativeLabels.Count < allLabels.Count);
        Assert.All(initiativeLabels, l => Assert.StartsWith("取組項目", l));
    }

    [Fact]
    public async Task Paging_links_mark_the_current_page_and_a_page_past_the_end_says_so()
    {
        // の (one hiragana) is in nearly everything: enough results for several pages.
        var (_, first) = await GetPageAsync(SearchTestSupport.SearchPath("の"));
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(first.QuerySelector(".search-summary")!.TextContent, @"結果は ([\d,]+) 件").Groups[1].Value.Replace(",", ""));
        Assert.True(total > 10, $"precondition: more than one page of results, got {total}");
        Assert.Equal(10, first.QuerySelectorAll("ol.search-results > li").Length);

        var (status, second) = await GetPageAsync(SearchTestSupport.SearchPath("の", "&page=2"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("11", second.QuerySelector("ol.search-results")!.GetAttribute("start"));
        var pagination = second.QuerySelector("nav[aria-label='検索結果のページ'] ul.pagination")!;
        var current = Assert.Single(pagination.QuerySelectorAll("[aria-current]"));
        Assert.Equal("page", current.GetAttribute("aria-current"));
        Assert.Equal("a", current.LocalName);
        Assert.Equal("2ページ目", current.TextContent);
        Assert.Equal("/search?q=%E3%81%AE", pagination.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Contains($"{11}〜{Math.Min(20, total)}件目", second.QuerySelector(".search-summary")!.TextContent);

        var (pastStatus, past) = await GetPageAsync(SearchTestSupport.SearchPath("の", "&page=500"));
        Assert.Equal(HttpStatusCode.OK, pastStatus);
        Assert.Contains("500ページ目には結果がありません", MainText(past));
        Assert.Equal("/search?q=%E3%81%AE", past.QuerySelector(".search-results-section a[href^='/search']")!.GetAttribute("href"));
        Assert.Empty(past.QuerySelectorAll("ol.search-results"));
    }

    [Fact]
    public async Task No_hits_gives_suggestions_and_a_link_to_all_goals()
    {
        var (status, document) = await GetPageAsync(SearchTestSupport.SearchPath("存在しない言葉 学園都市"));
        Assert.Equal(HttpStatusCode.OK, status);
        var main = MainText(document);
        Assert.Contains("「存在しない言葉 学園都市」に一致する結果は見つかりませんでした。", main);
        Assert.Contains("短い言葉や、別の言い方で検索してみてください", main);
        var help = document.QuerySelector(".search-help")!;
        Assert.NotNull(help.QuerySelector("a[href='/']"));
        var wordLinks = help.QuerySelectorAll("a.search-help__word").Select(a => a.TextContent).ToList();
        Assert.Contains("存在しない言葉", wordLinks);
        Assert.Contains("学園都市", wordLinks);
        Assert.Contains("LINE", wordLinks); // an example that finds something
        var suggestion = help.QuerySelector(".search-suggestion a")!;
        Assert.Equal("/iken/", suggestion.GetAttribute("href"));
        Assert.Equal("市に意見や質問を送る", suggestion.TextContent);
    }

    [Fact]
    public async Task An_empty_search_explains_how_to_search_and_where_to_send_a_comment()
    {
        var (status, document) = await GetPageAsync("/search?q=");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/iken/", document.QuerySelector(".search-suggestion a")!.GetAttribute("href"));
        Assert.False(string.IsNullOrEmpty(document.QuerySelector("#search-q")!.GetAttribute("placeholder")));
    }

    [Fact]
    public async Task No_hits_because_of_a_filter_offers_the_search_without_filters()
    {
        var (_, document) = await GetPageAsync(SearchTestSupport.SearchPath("LINE", "&type=page"));
        var link = document.QuerySelector(".search-help a[href='/search?q=LINE']")!;
        Assert.Equal("絞り込みを外して「LINE」を検索する（1件）", link.TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=%20%E3%80%80")]
    public async Task An_empty_query_explains_how_to_search(string query)
    {
        var (status, document) = await GetPageAsync("/search" + query);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("検索のしかた", document.QuerySelector("main h2")!.TextContent);
        Assert.Empty(document.QuerySelectorAll(".search-results"));
        Assert.NotNull(document.QuerySelector("main a[href='/']"));
        Assert.NotEmpty(document.QuerySelectorAll("main a.search-help__word"));
    }

    public static TheoryData<string, HttpStatusCode, string> BadInput => new()
    {
        { SearchTestSupport.SearchPath(new string('あ', 201)), HttpStatusCode.BadRequest, "200文字以内で入力してください" },
        { SearchTestSupport.SearchPath(string.Concat(Enumerable.Repeat("学園都市", 300))), HttpStatusCode.BadRequest, "いまは1,200文字です" },
        { SearchTestSupport.SearchPath("「」！？…"), HttpStatusCode.OK, "検索に使える文字がありません" },
        { SearchTestSupport.SearchPath("🎉🎉🎉"), HttpStatusCode.OK, "検索に使える文字がありません" },
        { SearchTestSupport.SearchPath("学園都市🎓"), HttpStatusCode.OK, "結果は 2 件です" },
        { SearchTestSupport.SearchPath("title:学園都市 AND (\"x"), HttpStatusCode.OK, "見つかりませんでした" },
        { SearchTestSupport.SearchPath("\"学園都市"), HttpStatusCode.OK, "結果は 2 件です" },
        { SearchTestSupport.SearchPath("学園都市)*~^"), HttpStatusCode.OK, "結果は 2 件です" },
        { "/search?q=%E5%AD%A6%E5%9C%92%00%1B%E9%83%BD%E5%B8%82", HttpStatusCode.OK, "結果は 2 件です" },
        { "/search?q=%FF%FE%E5%AD%A6%E5%9C%92%E9%83%BD%E5%B8%82", HttpStatusCode.OK, "に一致する結果は" }, // invalid UTF-8
        { SearchTestSupport.SearchPath("学園都市", "&department=no-such-department"), HttpStatusCode.BadRequest, "指定された部局は見つかりません" },
        { SearchTestSupport.SearchPath("学園都市", "&year=1999"), HttpStatusCode.BadRequest, "指定された年度は見つかりません" },
        { SearchTestSupport.SearchPath("学園都市", "&year=r6"), HttpStatusCode.BadRequest, "指定された年度は見つかりません" },
        { SearchTestSupport.SearchPath("学園都市", "&type=%3Cscript%3E"), HttpStatusCode.BadRequest, "指定された種類は見つかりません" },
        { SearchTestSupport.SearchPath("学園都市", "&page=abc"), HttpStatusCode.OK, "1〜2件目を表示しています" },
        { SearchTestSupport.SearchPath("学園都市", "&page=-5"), HttpStatusCode.OK, "1〜2件目を表示しています" },
        { SearchTestSupport.SearchPath("学園都市", "&page=99999999999"), HttpStatusCode.OK, "1〜2件目を表示しています" },
        { SearchTestSupport.SearchPath("学園都市", "&page=2147483647"), HttpStatusCode.OK, "ページ目には結果がありません" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_normal_page_with_a_japanese_message(string path, HttpStatusCode expectedStatus, string expectedText)
    {
        var (status, document) = await GetPageAsync(path);
        Assert.Equal(expectedStatus, status);
        Assert.Contains(expectedText, MainText(document));
        Assert.NotNull(document.QuerySelector("main form.search-form input[name=q]"));
    }

    [Fact]
    public async Task A_refused_query_is_shown_next_to_its_field_and_kept()
    {
        var typed = new string('あ', 201);
        var (_, document) = await GetPageAsync(SearchTestSupport.SearchPath(typed));
        var input = document.QuerySelector("#search-q")!;
        Assert.Equal(typed, input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("search-q-error", input.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("検索する言葉は200文字以内で入力してください（いまは201文字です）。", document.GetElementById("search-q-error")!.TextContent);
        Assert.Equal("#search-q", document.QuerySelector(".error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Control_characters_are_not_echoed_back()
    {
        // Removed at the input boundary (issue 11 part 6), like every form and query value, before search sees them.
        var (_, document) = await GetPageAsync("/search?q=%E5%AD%A6%E5%9C%92%00%1B%E9%83%BD%E5%B8%82");
        Assert.Equal("学園都市", document.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.StartsWith("「学園都市」の検索結果", document.Title);
    }

    [Fact]
    public async Task Markup_in_the_query_is_shown_as_text()
    {
        var (_, html) = await HtmlText.GetAsync(Client, SearchTestSupport.SearchPath("<script>alert('x')</script>\"><img src=x>"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x>", html);
        var document = HtmlText.Parse(html);
        Assert.Empty(document.QuerySelectorAll("main script, main img"));
        Assert.Equal("<script>alert('x')</script>\"><img src=x>", document.QuerySelector("#search-q")!.GetAttribute("value"));
    }
}

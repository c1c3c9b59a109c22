using Microsoft.Extensions.Logging.Abstractions;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Search.Querying;

namespace UedaPublicGoals.Tests.Unit.Search;

/// <summary>One Lucene index on a temporary folder: ranking, filters, paging, replacement, damage.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ueda-search-unit-").FullName;
    private readonly List<SearchIndex> opened = [];

    public void Dispose()
    {
        opened.ForEach(i => i.Dispose());
        Directory.Delete(folder, recursive: true);
    }

    private SearchIndex OpenIndex()
    {
        var index = new SearchIndex(folder, SearchIndexKind.External, NullLogger.Instance);
        opened.Add(index);
        index.Open();
        return index;
    }

    private SearchIndex Build(params SearchSourceItem[] items)
    {
        var index = OpenIndex();
        index.ReplaceAll(items);
        index.CommitAndRefresh();
        return index;
    }

    private static SearchSourceItem Item(string key, params SearchDocument[] documents) => new(key, "v1", documents);

    private static SearchDocument Doc(string id, string title, string body, string type = SearchResultTypes.Goal, string department = "seisaku-kikaku", int year = 2024, int order = 0) => new()
    {
        Id = id,
        Type = type,
        Title = title,
        Body = body,
        Url = $"/{id}/",
        Label = "重点目標",
        Department = department,
        Year = year,
        Order = order,
    };

    private static SearchResultPage Search(SearchIndex index, string query, string? department = null, int? year = null, string? type = null, int skip = 0, int take = 10) =>
        SearchExecutor.Run(index, new SearchCriteria(SearchTerms.Parse(query), department, year, type, skip, take));

    private static string[] Ids(SearchResultPage page) => page.Hits.Select(h => h.Document.Id).ToArray();

    [Fact]
    public void A_word_in_the_title_ranks_above_the_same_word_in_the_body()
    {
        var index = Build(
            Item("a", Doc("body-only", "総合計画の推進", "全庁的な土地利用の方向性を定める")),
            Item("b", Doc("in-title", "土地利用の方向性検討", "担当課との連携による施設の後利用の調整")));

        Assert.Equal(["in-title", "body-only"], Ids(Search(index, "土地利用")));
    }

    [Fact]
    public void Every_word_must_match_and_a_word_matches_only_as_a_whole_phrase()
    {
        var index = Build(
            Item("a", Doc("both", "学園都市づくり", "LINEで発信する")),
            Item("b", Doc("one", "学園都市づくり", "広報紙で発信する")),
            Item("c", Doc("scattered", "学園祭と都市計画", "LINEで発信する")));

        Assert.Equal(["both"], Ids(Search(index, "学園都市 LINE")));
    }

    [Fact]
    public void Phrases_match_across_a_change_of_script()
    {
        var index = Build(
            Item("a", Doc("anniversary", "合併20周年記念事業の検討", "事業内容及び推進体制の検討")),
            Item("b", Doc("training", "デジタル人材DX研修", "職員向け")));

        Assert.Equal(["anniversary"], Ids(Search(index, "合併20周年")));
        Assert.Equal(["training"], Ids(Search(index, "人材ＤＸ")));
    }

    [Fact]
    public void Filters_narrow_by_department_year_and_type_without_reordering()
    {
        var index = Build(
            Item("a", Doc("goal-2024", "情報発信の推進", "広報", order: 1), Doc("initiative-2024", "情報発信の研修", "職員", type: SearchResultTypes.Initiative, order: 2)),
            Item("b", Doc("goal-2025", "情報発信の推進", "広報", year: 2025)),
            Item("c", Doc("other-department", "情報発信の推進", "広報", department: "kyoiku")));

        Assert.Equal(4, Search(index, "情報発信").Total);
        Assert.Equal(["goal-2024", "initiative-2024"], Ids(Search(index, "情報発信", department: "seisaku-kikaku", year: 2024)));
        Assert.Equal(["initiative-2024"], Ids(Search(index, "情報発信", type: SearchResultTypes.Initiative)));
        Assert.Empty(Ids(Search(index, "情報発信", department: "unknown")));
    }

    [Fact]
    public void Paging_returns_the_requested_window_and_an_empty_page_past_the_end()
    {
        var index = Build(Enumerable.Range(1, 25).Select(n => Item($"i{n}", Doc($"d{n:00}", "SDGsの推進", "本文", order: n))).ToArray());

        var last = Search(index, "SDGs", skip: 20, take: 10);
        Assert.Equal(25, last.Total);
        Assert.Equal(["d21", "d22", "d23", "d24", "d25"], Ids(last));

        var past = Search(index, "SDGs", skip: 25, take: 10);
        Assert.Equal(25, past.Total);
        Assert.Empty(past.Hits);

        var huge = Search(index, "SDGs", skip: int.MaxValue - 1, take: 100);
        Assert.Equal(25, huge.Total);
        Assert.Empty(huge.Hits);
    }

    [Fact]
    public void Replacing_an_item_replaces_all_its_documents_and_null_removes_it()
    {
        var index = Build(Item("goal", Doc("goal#goal", "LINEの活用", "広報"), Doc("goal#initiative-1", "LINE友だち", "登録者数")));
        Assert.Equal(2, Search(index, "LINE").Total);

        index.ReplaceItem("goal", new SearchSourceItem("goal", "v2", [Doc("goal#goal", "YouTubeの活用", "広報")]));
        index.CommitAndRefresh();
        Assert.Equal(0, Search(index, "LINE").Total);
        Assert.Equal(1, Search(index, "YouTube").Total);
        Assert.Equal("v2", index.Stamps["goal"]);

        index.ReplaceItem("goal", null);
        index.CommitAndRefresh();
        Assert.Equal(0, Search(index, "YouTube").Total);
        Assert.Empty(index.Stamps);
    }

    [Fact]
    public void A_reopened_index_keeps_its_stamps_and_fingerprint()
    {
        var first = Build(Item("a", Doc("a", "学園都市", "本文")), new SearchSourceItem("b", "v7", []));
        var fingerprint = first.StoredFingerprint;
        first.Dispose();

        var reopened = new SearchIndex(folder, SearchIndexKind.External, NullLogger.Instance);
        opened.Add(reopened);
        Assert.True(reopened.Open());
        Assert.True(reopened.IsSearchable);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "v1", ["b"] = "v7" }, reopened.Stamps);
        Assert.Equal(fingerprint, reopened.StoredFingerprint);
        Assert.Equal(SearchIndex.Fingerprint(reopened.Stamps), reopened.StoredFingerprint);
        Assert.Equal(1, Search(reopened, "学園都市").Total);
    }

    [Fact]
    public void Closing_never_commits_a_half_applied_batch()
    {
        var first = Build(Item("a", Doc("a", "学園都市", "本文")));
        first.ReplaceAll([]);
        first.Dispose();

        var reopened = new SearchIndex(folder, SearchIndexKind.External, NullLogger.Instance);
        opened.Add(reopened);
        Assert.True(reopened.Open());
        Assert.Equal(1, Search(reopened, "学園都市").Total);
    }

    [Fact]
    public void Garbage_in_the_folder_is_replaced_by_a_new_index_that_is_searchable_once_built()
    {
        File.WriteAllBytes(Path.Combine(folder, "segments_2"), [0x3f, 0xd7, 0x6c, 0x17, 1, 2, 3]);
        File.WriteAllText(Path.Combine(folder, "_0.cfs"), "not an index");

        var index = OpenIndex();
        Assert.False(index.IsSearchable);
        Assert.Throws<SearchUnavailableException>(() => Search(index, "学園都市"));
        Assert.False(File.Exists(Path.Combine(folder, "_0.cfs")));

        index.ReplaceAll([Item("a", Doc("a", "学園都市", "本文"))]);
        index.CommitAndRefresh();
        Assert.Equal(["a"], Ids(Search(index, "学園都市")));
    }

    [Fact]
    public void The_fingerprint_kept_item_by_item_equals_the_one_computed_from_all_stamps()
    {
        var index = Build(Item("a", Doc("a", "学園都市", "本文")), Item("b", Doc("b", "情報発信", "本文")), new SearchSourceItem("c", "v3", []));
        index.ReplaceItem("b", new SearchSourceItem("b", "v2", [Doc("b", "情報発信の強化", "本文")]));
        index.ReplaceItem("a", null);
        index.ReplaceItem("d", new SearchSourceItem("d", "v1", []));
        index.CommitAndRefresh();

        Assert.Equal(new Dictionary<string, string> { ["b"] = "v2", ["c"] = "v3", ["d"] = "v1" }, index.Stamps);
        Assert.Equal(SearchIndex.Fingerprint(new Dictionary<string, string> { ["d"] = "v1", ["c"] = "v3", ["b"] = "v2" }), index.StoredFingerprint);

        // Taking every item out again leaves the fingerprint of an empty index.
        foreach (var key in new[] { "b", "c", "d" })
        {
            index.ReplaceItem(key, null);
        }

        index.CommitAndRefresh();
        Assert.Equal(SearchIndex.Fingerprint(new Dictionary<string, string>()), index.StoredFingerprint);
    }

    [Fact]
    public void Any_says_whether_something_matches_without_counting_the_matches()
    {
        var index = Build(Item("a", Doc("a", "学園都市", "上田市の情報発信")), Item("b", Doc("b", "情報発信の強化", "本文")));
        Assert.True(SearchExecutor.Any(index, SearchTerms.Parse("情報発信")));
        Assert.True(SearchExecutor.Any(index, SearchTerms.Parse("学園都市")));
        Assert.False(SearchExecutor.Any(index, SearchTerms.Parse("土地利用")));
        Assert.False(SearchExecutor.Any(index, SearchTerms.Parse("")));
    }

    [Fact]
    public void The_fingerprint_ignores_order_and_changes_with_any_stamp()
    {
        var one = SearchIndex.Fingerprint(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        var reordered = SearchIndex.Fingerprint(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        var changed = SearchIndex.Fingerprint(new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" });
        Assert.Equal(one, reordered);
        Assert.NotEqual(one, changed);
    }
}

using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Search;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Search;

/// <summary>
/// The index follows the content: publish, unpublish and delete reach search without a
/// restart; a damaged, stale or missing index at start is repaired while pages keep serving.
/// </summary>
public sealed class SearchIndexLifecycleTests : IDisposable
{
    private const string Koho = "/seisaku-kikaku/r6/koho/";
    // These tests are about the build at start, so the portal does not get the template's indexes.
    private readonly PortalFactory portal = new() { UseSearchIndexTemplate = false };

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Publishing_and_unpublishing_reach_search_without_a_restart()
    {
        var client = portal.CreatePublicClient();
        await portal.SearchIndexFlushedAsync();
        var id = portal.GoalId("koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Initiatives[0].MidtermReport = new ProgressReport { Text = "ミズバショウ観察会でLINEの登録を呼びかけました。", Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) };
            await store.SaveDraftAsync(id, draft, "test");
        });
        await portal.SearchIndexFlushedAsync();
        Assert.Empty(await SearchTestSupport.ResultUrlsAsync(client, "ミズバショウ観察会"));

        await portal.WithStoreAsync((store, _) => store.PublishAsync(id, "test"));
        await portal.SearchIndexFlushedAsync();
        var (_, json) = await SearchTestSupport.GetJsonAsync(client, SearchTestSupport.ApiPath("ミズバショウ観察会"));
        var report = Assert.Single(json["results"]!);
        Assert.Equal("report", (string)report["type"]!);
        Assert.Equal(Koho + "#initiative-1-midterm", (string)report["url"]!);
        Assert.Equal("市民が共感できる効果的な情報発信の推進（中間報告）", (string)report["title"]!);
        Assert.Contains("<mark>ミズバショウ観察会</mark>", (string)report["snippet"]!);
        Assert.Contains("順調（2024年10月1日）", (string)report["snippet"]!);
        var page = HtmlText.Parse(await client.GetStringAsync(SearchTestSupport.SearchPath("ミズバショウ観察会")));
        Assert.Equal("中間報告 ①", page.QuerySelector(".search-result__label")!.TextContent);

        await portal.WithStoreAsync((store, _) => store.UnpublishAsync(id, "test"));
        await portal.SearchIndexFlushedAsync();
        Assert.Empty(await SearchTestSupport.ResultUrlsAsync(client, "ミズバショウ観察会"));
        Assert.DoesNotContain(await SearchTestSupport.ResultUrlsAsync(client, "情報発信"), url => url.StartsWith(Koho, StringComparison.Ordinal));
        Assert.Contains("/seisaku-kikaku/r6/gakuen-toshi/", await SearchTestSupport.ResultUrlsAsync(client, "学園都市"));
    }

    [Fact]
    public async Task Publishes_leave_only_the_last_commits_index_files_on_disk_and_mapped()
    {
        // Every publish commits a segment and merges replace old ones (issue 12: memory returns after publishes).
        var client = portal.CreatePublicClient();
        var index = portal.Services.GetRequiredService<SearchIndexer>().External;
        var id = portal.GoalId("koho");
        await portal.SearchIndexFlushedAsync();
        for (var round = 1; round <= 24; round++)
        {
            await portal.WithStoreAsync(async (store, _) =>
            {
                var draft = await store.GetDraftAsync<GoalContent>(id);
                draft.Initiatives[0].MidtermReport = new ProgressReport { Text = $"観察会の{round}回目の報告です。", Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) };
                await store.SaveDraftAsync(id, draft, "test");
                await store.PublishAsync(id, "test");
            });
            await portal.SearchIndexFlushedAsync();
            Assert.NotEmpty(await SearchTestSupport.ResultUrlsAsync(client, $"観察会の{round}回目"));
        }

        // What the last commit needs, and nothing else, is on disk and mapped: a reader of an old commit that was
        // never closed keeps its segments from being deleted (files pile up) or keeps deleted ones mapped.
        var committed = LastCommitFiles(index.Path).Append("write.lock").Append("segments.gen").ToHashSet(StringComparer.Ordinal);
        var onDisk = Directory.GetFiles(index.Path).Select(file => Path.GetFileName(file)).ToList();
        Assert.All(onDisk, file => Assert.Contains(file, committed));
        var mapped = File.ReadLines("/proc/self/maps").Where(line => line.Contains(index.Path + "/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mapped);
        Assert.DoesNotContain(mapped, line => line.EndsWith("(deleted)", StringComparison.Ordinal));
        Assert.All(mapped, line => Assert.Contains(Path.GetFileName(line.Trim()), committed));
    }

    private static IEnumerable<string> LastCommitFiles(string indexPath)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(indexPath);
        var commit = new Lucene.Net.Index.SegmentInfos();
        commit.Read(directory);
        return commit.GetFiles(directory, includeSegmentsFile: true).ToList();
    }

    [Fact]
    public async Task A_deleted_document_leaves_both_indexes_when_its_key_is_queued()
    {
        var client = portal.CreatePublicClient();
        await portal.SearchIndexFlushedAsync();
        var privacy = portal.ReadModel.Current.FindPage("privacy")!.DocumentId;
        Assert.Contains("/pages/privacy", await SearchTestSupport.ResultUrlsAsync(client, "個人情報"));

        // The store has no delete yet; a future one queues the key exactly like this.
        await portal.WithStoreAsync(async (_, db) =>
        {
            db.Versions.RemoveRange(db.Versions.Where(v => v.DocumentId == privacy));
            db.Documents.Remove(await db.Documents.SingleAsync(d => d.Id == privacy));
            await db.SaveChangesAsync();
        });
        portal.Indexer().QueueItemUpdate(ContentSearchSource.KeyFor(privacy));
        await portal.SearchIndexFlushedAsync();

        Assert.DoesNotContain("/pages/privacy", await SearchTestSupport.ResultUrlsAsync(client, "個人情報"));
        var staff = await portal.Services.GetRequiredService<StaffSearch>().SearchAsync("個人情報").Guarded();
        Assert.DoesNotContain(staff.Hits, h => h.Document.DocumentId == privacy);
    }

    [Fact]
    public async Task A_corrupt_index_at_start_is_rebuilt_and_pages_keep_serving()
    {
        foreach (var kind in new[] { "external", "internal" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(portal.WorkDirectory, "search", kind)).FullName;
            File.WriteAllBytes(Path.Combine(folder, "segments_3"), [0x3f, 0xd7, 0x6c, 0x17, 0x08, 0x73, 0x65, 0x67, 0xff, 0x00, 0x42]);
            File.WriteAllBytes(Path.Combine(folder, "segments.gen"), [0xff, 0xff, 0xff, 0xfe, 0, 0, 0, 0, 0, 0, 0, 3]);
            File.WriteAllText(Path.Combine(folder, "_0.cfs"), "this is not a compound file");
        }

        var client = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Koho)).StatusCode);

        await portal.SearchIndexFlushedAsync();
        Assert.Equal(SearchIndexStartup.Rebuilt, portal.Indexer().External.LastStartup);
        Assert.Equal(SearchIndexStartup.Rebuilt, portal.Indexer().Internal.LastStartup);
        Assert.Equal("/seisaku-kikaku/r6/gakuen-toshi/", (await SearchTestSupport.ResultUrlsAsync(client, "学園都市"))[0]);
    }

    [Fact]
    public async Task A_stale_index_is_caught_up_at_start_and_an_up_to_date_one_is_reused()
    {
        using (var first = portal.WithWebHostBuilder(_ => { }))
        {
            await first.SearchIndexFlushedAsync();
            Assert.Equal(SearchIndexStartup.Rebuilt, first.Indexer().External.LastStartup);

            // Unpublished behind the index's back (as another node or a restore would): no notification.
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var smartCity = await db.Documents.SingleAsync(d => d.Slug == "smart-city");
            smartCity.PublishedVersion = null;
            await db.SaveChangesAsync();
        }

        using (var second = portal.WithWebHostBuilder(_ => { }))
        {
            await second.SearchIndexFlushedAsync();
            Assert.Equal(SearchIndexStartup.Reconciled, second.Indexer().External.LastStartup);
            var urls = await SearchTestSupport.ResultUrlsAsync(second.CreateClient(), "スマートシティ");
            Assert.DoesNotContain(urls, u => u.StartsWith("/seisaku-kikaku/r6/smart-city/", StringComparison.Ordinal));
        }

        using (var third = portal.WithWebHostBuilder(_ => { }))
        {
            await third.SearchIndexFlushedAsync();
            Assert.Equal(SearchIndexStartup.UpToDate, third.Indexer().External.LastStartup);
            Assert.Equal(SearchIndexStartup.UpToDate, third.Indexer().Internal.LastStartup);
            Assert.Equal("/seisaku-kikaku/r6/gakuen-toshi/", (await SearchTestSupport.ResultUrlsAsync(third.CreateClient(), "学園都市"))[0]);
        }
    }

    [Fact]
    public async Task While_the_first_build_runs_search_says_it_is_rebuilding_and_pages_still_serve()
    {
        var gate = new GatedSource();
        using var gated = portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISearchDocumentSource>(gate)));
        var client = gated.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await gate.Entered.Guarded();

        var (response, html) = await HtmlText.GetAsync(client, SearchTestSupport.SearchPath("学園都市"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("検索は一時的に利用できません（索引を再構築中です）", HtmlText.MainText(html));
        var (apiStatus, json) = await SearchTestSupport.GetJsonAsync(client, SearchTestSupport.ApiPath("学園都市"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, apiStatus);
        Assert.Equal("search_unavailable", (string)json["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/seisaku-kikaku/r6/gakuen-toshi/")).StatusCode);

        gate.Open();
        await gated.SearchIndexFlushedAsync();
        Assert.Equal("/seisaku-kikaku/r6/gakuen-toshi/", (await SearchTestSupport.ResultUrlsAsync(client, "学園都市"))[0]);
        Assert.Equal(["/gated/"], await SearchTestSupport.ResultUrlsAsync(client, "ゲート試験文書"));
    }

    [Fact]
    public async Task A_manual_rebuild_keeps_answering_from_the_previous_index_until_it_is_done()
    {
        var gate = new GatedSource();
        gate.Open();
        using var gated = portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISearchDocumentSource>(gate)));
        var client = gated.CreateClient();
        await gated.SearchIndexFlushedAsync();

        gate.Close();
        var rebuild = gated.Indexer().RebuildAsync();
        await gate.Entered.Guarded();

        Assert.False(rebuild.IsCompleted);
        Assert.Equal("/seisaku-kikaku/r6/gakuen-toshi/", (await SearchTestSupport.ResultUrlsAsync(client, "学園都市"))[0]);

        gate.Open();
        await rebuild.Guarded();
        Assert.Equal("/seisaku-kikaku/r6/gakuen-toshi/", (await SearchTestSupport.ResultUrlsAsync(client, "学園都市"))[0]);
    }

    /// <summary>A second source (as consultation responses will be) whose full read waits until the test opens it.</summary>
    private sealed class GatedSource : ISearchDocumentSource
    {
        private static readonly SearchSourceItem Item = new("gated:one", "1",
        [
            new SearchDocument { Id = "gated:one#doc", Type = SearchResultTypes.Page, Title = "ゲート試験文書", Body = "試験用", Url = "/gated/", Label = "ページ" },
        ]);

        private TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string KeyPrefix => "gated:";

        /// <summary>Completes when a full read has started waiting at the closed gate.</summary>
        public Task Entered => entered.Task;

        public void Open() => gate.TrySetResult();

        public void Close()
        {
            gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
            entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public Task<IReadOnlyDictionary<string, string>> ReadStampsAsync(SearchIndexKind kind, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [Item.Key] = Item.Stamp });

        public async Task<IReadOnlyList<SearchSourceItem>> ReadAllAsync(SearchIndexKind kind, CancellationToken ct)
        {
            entered.TrySetResult();
            await gate.Task.WaitAsync(ct);
            return [Item];
        }

        public Task<SearchSourceItem?> ReadAsync(SearchIndexKind kind, string key, CancellationToken ct) =>
            Task.FromResult<SearchSourceItem?>(key == Item.Key ? Item : null);
    }
}

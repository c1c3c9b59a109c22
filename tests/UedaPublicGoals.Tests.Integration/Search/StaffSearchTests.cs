using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Search;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Search;

/// <summary>Drafts: staff search (internal index) finds them; the public search never does.</summary>
public sealed class StaffSearchTests : IDisposable
{
    private const string DraftOnlyWords = "ミズバショウ観察会";
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private StaffSearch Staff => portal.Services.GetRequiredService<StaffSearch>();

    private async Task AssertPublicSearchFindsNothingAsync(string query)
    {
        var client = portal.CreatePublicClient();
        await portal.SearchIndexFlushedAsync();
        Assert.Empty(await SearchTestSupport.ResultUrlsAsync(client, query));
        Assert.Contains($"「{query}」に一致する結果は見つかりませんでした。", HtmlText.MainText(await client.GetStringAsync(SearchTestSupport.SearchPath(query))));
    }

    [Fact]
    public async Task A_saved_draft_is_found_by_staff_at_once_and_never_by_the_public()
    {
        await portal.SearchIndexFlushedAsync();
        var id = portal.GoalId("koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Initiatives[1].Title = $"市民に伝わる情報発信への取組と{DraftOnlyWords}";
            await store.SaveDraftAsync(id, draft, "test");
        });

        var results = await Staff.SearchAsync(DraftOnlyWords).Guarded();
        var hit = Assert.Single(results.Hits);
        Assert.Equal(id, hit.Document.DocumentId);
        Assert.Equal(DraftState.ChangedSincePublished, hit.Document.State);
        Assert.Equal("/seisaku-kikaku/r6/koho/#initiative-2", hit.Document.Url);
        Assert.Contains($"<mark>{DraftOnlyWords}</mark>", hit.TitleHtml);
        Assert.Equal("公開中（未公開の変更あり）", hit.Document.State!.Value.Label());

        await AssertPublicSearchFindsNothingAsync(DraftOnlyWords);
    }

    [Fact]
    public async Task Unpublished_and_never_published_documents_are_found_by_staff_only()
    {
        await portal.SearchIndexFlushedAsync();
        await portal.WithStoreAsync((store, _) => store.UnpublishAsync(portal.GoalId("smart-city"), "test"));
        await portal.WithStoreAsync(async (store, db) =>
        {
            await store.AddDocumentAsync(DocumentKind.Page, null, "draft-notice", 9,
                new PageContent { Title = "下書きのお知らせ", Body = $"{DraftOnlyWords}の案内です。" }, "test", publish: false, CancellationToken.None);
            await db.SaveChangesAsync();
        });

        var smartCity = await Staff.SearchAsync("スマートシティ", type: SearchResultTypes.Goal).Guarded();
        var goal = Assert.Single(smartCity.Hits);
        Assert.Equal("/seisaku-kikaku/r6/smart-city/", goal.Document.Url);
        Assert.Equal(DraftState.NotPublished, goal.Document.State);

        var page = Assert.Single((await Staff.SearchAsync(DraftOnlyWords).Guarded()).Hits);
        Assert.Equal("/pages/draft-notice", page.Document.Url);
        Assert.Equal(DraftState.NotPublished, page.Document.State);

        await AssertPublicSearchFindsNothingAsync(DraftOnlyWords);
        Assert.DoesNotContain(await SearchTestSupport.ResultUrlsAsync(portal.CreatePublicClient(), "スマートシティ"), u => u.StartsWith("/seisaku-kikaku/r6/smart-city/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Published_content_is_marked_as_published_for_staff()
    {
        var results = await Staff.SearchAsync("学園都市", type: SearchResultTypes.Goal).Guarded();
        var hit = Assert.Single(results.Hits);
        Assert.Equal(DraftState.Published, hit.Document.State);
        Assert.Equal(portal.GoalId("gakuen-toshi"), hit.Document.DocumentId);
    }
}

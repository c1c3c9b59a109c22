using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Search;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Search;

/// <summary>The index sources read PostgreSQL as well as SQLite (multi-node deployments).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchTests(PostgresServer postgres)
{
    [Fact]
    public async Task Both_indexes_build_from_PostgreSQL_and_follow_a_publish()
    {
        using var portal = new PortalFactory { PostgresConnectionString = postgres.SeededConnectionStringFor("portal_search") };
        var client = portal.CreatePublicClient();
        await portal.SearchIndexFlushedAsync();
        Assert.Equal("/seisaku-kikaku/r6/gakuen-toshi/", (await SearchTestSupport.ResultUrlsAsync(client, "学園都市"))[0]);

        var id = portal.GoalId("koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.SpecialNotes.CitizenParticipation = "ポスグレ経由の特記事項";
            await store.SaveDraftAsync(id, draft, "test");
        });
        var staff = await portal.Services.GetRequiredService<StaffSearch>().SearchAsync("ポスグレ経由").Guarded();
        Assert.Equal("/seisaku-kikaku/r6/koho/", Assert.Single(staff.Hits).Document.Url);
        Assert.Empty(await SearchTestSupport.ResultUrlsAsync(client, "ポスグレ経由"));

        await portal.WithStoreAsync((store, _) => store.PublishAsync(id, "test"));
        await portal.SearchIndexFlushedAsync();
        Assert.Equal(["/seisaku-kikaku/r6/koho/"], await SearchTestSupport.ResultUrlsAsync(client, "ポスグレ経由"));
    }
}

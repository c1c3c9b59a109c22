using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Sync;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Content;

/// <summary>Two site processes on one database: a publish on one reaches the other's pages.</summary>
public sealed class MultiNodeSyncTests
{
    [Fact]
    public async Task A_publish_on_one_node_reaches_the_other_nodes_read_model_and_output_cache()
    {
        using var nodeA = new PortalFactory();
        using var nodeB = new SecondNode(nodeA.SqliteConnectionString);
        var clientB = nodeB.CreatePublicClient();
        const string path = "/seisaku-kikaku/r6/gakuen-toshi/";

        await clientB.GetStringAsync(path);
        Assert.True((await clientB.GetAsync(path)).Headers.Age.HasValue, "node B serves the page from its output cache");
        var poller = nodeB.Services.GetRequiredService<CacheInstructionPoller>();
        await poller.PollOnceAsync(); // settle the starting point, whatever the background loop did
        var pollerA = nodeA.Services.GetRequiredService<CacheInstructionPoller>();
        await pollerA.PollOnceAsync();

        var id = nodeA.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("gakuen-toshi")!.DocumentId;
        await nodeA.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.SpecialNotes.EffectsAndRemainingIssues = "別のノードで公開した期末の所見";
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });

        Assert.DoesNotContain("別のノードで公開した期末の所見", await clientB.GetStringAsync(path));
        Assert.Equal(1, await poller.PollOnceAsync());
        Assert.Contains("別のノードで公開した期末の所見", await clientB.GetStringAsync(path));

        // Node A applied its own change at once and skips its own instruction.
        Assert.Equal(0, await pollerA.PollOnceAsync());
    }

    private sealed class SecondNode(string connectionString) : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:ConnectionString", connectionString);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Content.Sync;
using UedaPublicGoals.Follow.Changes;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Content;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Follow;

/// <summary>
/// The goal-change records commit with the publish (<see cref="IPublishTransactionWriter"/>): written once, by the
/// node that publishes, and there even when that node stops right after its commit.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GoalChangesAcrossNodesTests(PostgresServer postgres)
{
    private const string ReportText = "ノードAで公開した中間報告";

    [Fact]
    public async Task A_publish_on_node_A_records_its_goal_changes_once_and_node_B_writes_none_and_logs_no_error()
    {
        var database = postgres.SeededConnectionStringFor("portal_goal_changes_nodes");
        using var nodeA = new PublishPipelineTests.PipelinePortal { PostgresConnectionString = database };
        using var nodeB = new PublishPipelineTests.PipelinePortal { PostgresConnectionString = database };
        _ = nodeA.CreatePublicClient();
        _ = nodeB.CreatePublicClient();
        using var activities = new StoppedPublishActivities();
        var id = nodeA.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;

        await nodeA.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Initiatives[0].MidtermReport = new ProgressReport { Text = ReportText, Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) };
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });

        // Node B polls once an hour: the NOTIFY brings it the publish, and its handlers run on the batch.
        var dispatchOnB = await activities.WaitForDispatchOnAsync(nodeB.Services.GetRequiredService<NodeIdentity>().Id, "node B never ran its handlers on the publish (it polls once an hour)");
        Assert.Equal(ReportText, nodeB.ReadModel.Current.FindGoal(id)!.Content.Initiatives[0].MidtermReport?.Text);

        // Node A recorded the change of version 2 (the report and the feed's update entry), each once.
        var recorded = await InDatabaseAsync(nodeA, db => db.GoalChanges.AsNoTracking().Where(c => c.DocumentId == id).ToListAsync());
        Assert.Contains(recorded, c => c.Version == 2 && c.Kind == GoalChangeKind.Report && c.Summary.Contains(ReportText, StringComparison.Ordinal));
        Assert.Equal(recorded.Count, recorded.Select(c => (c.Version, c.Key)).Distinct().Count());

        // Node B refreshed itself and wrote nothing: the rows came with A's commit, so there was nothing to lose to the unique index.
        Assert.Contains("UpdateReadModel", activities.HandlersOf(dispatchOnB));
        Assert.DoesNotContain(nodeB.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_node_that_stops_right_after_its_commit_has_recorded_the_goal_changes_and_the_other_node_writes_none()
    {
        var frozen = new PublishPipelineTests.FrozenHandler();
        using var nodeA = new PublishPipelineTests.PipelinePortal(first: frozen);
        using var nodeB = new PublishPipelineTests.PipelinePortal(sharedDatabase: nodeA.SqliteConnectionString);
        _ = nodeA.CreatePublicClient();
        _ = nodeB.CreatePublicClient();
        var pollerB = nodeB.Services.GetRequiredService<CacheInstructionPoller>();
        await pollerB.PollOnceAsync(); // settle the starting point
        var id = nodeA.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;
        await nodeA.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Initiatives[0].MidtermReport = new ProgressReport { Text = ReportText, Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) };
            await store.SaveDraftAsync(id, draft, "test");
        });

        // Node A commits and then hangs in its first handler: as good as dead after the commit.
        using var scope = nodeA.Services.CreateScope();
        var publishing = scope.ServiceProvider.GetRequiredService<ContentStore>().PublishAsync(id, "test");
        await frozen.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var recorded = await InDatabaseAsync(nodeA, db => db.GoalChanges.AsNoTracking().Where(c => c.DocumentId == id && c.Version == 2).ToListAsync());
        Assert.Contains(recorded, c => c.Kind == GoalChangeKind.Report && c.Summary.Contains(ReportText, StringComparison.Ordinal));

        // Node B follows from the outbox and adds nothing.
        Assert.Equal(1, await pollerB.PollOnceAsync());
        Assert.Equal(recorded.Count, await InDatabaseAsync(nodeB, db => db.GoalChanges.CountAsync(c => c.DocumentId == id && c.Version == 2)));
        Assert.DoesNotContain(nodeB.Logs.Entries, e => e.Level >= LogLevel.Error);

        frozen.Release.SetResult();
        await publishing;
    }

    private static async Task<T> InDatabaseAsync<T>(PortalFactory node, Func<PortalDbContext, Task<T>> query)
    {
        using var scope = node.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}

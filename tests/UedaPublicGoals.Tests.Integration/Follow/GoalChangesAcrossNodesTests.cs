using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Sync;
using UedaPublicGoals.Follow.Changes;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Content;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Follow;

/// <summary>
/// Handlers that write shared database rows (<see cref="ISharedStatePublishHandler"/>, e.g. the goal-change records)
/// run on the node where the publish committed, retries included; the other nodes replaying its outbox rows skip them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GoalChangesAcrossNodesTests(PostgresServer postgres)
{
    private const string ReportText = "ノードAで公開した中間報告";

    [Fact]
    public async Task A_publish_on_node_A_records_its_goal_changes_once_and_node_B_neither_runs_the_recorder_nor_logs_an_error()
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

        // Node B refreshed itself but never ran the recorder, so it had nothing to lose to the unique index.
        var ranOnB = activities.HandlersOf(dispatchOnB);
        Assert.Contains("UpdateReadModel", ranOnB);
        Assert.DoesNotContain(nameof(RecordGoalChanges), ranOnB);
        Assert.DoesNotContain(nodeB.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_shared_state_handler_that_fails_on_the_publishing_node_is_retried_there_and_never_run_by_the_other_node()
    {
        var onA = new FailingOnceSharedHandler();
        var onB = new FailingOnceSharedHandler();
        using var nodeA = new PublishPipelineTests.PipelinePortal(last: onA);
        using var nodeB = new PublishPipelineTests.PipelinePortal(last: onB, sharedDatabase: nodeA.SqliteConnectionString);
        _ = nodeA.CreatePublicClient();
        _ = nodeB.CreatePublicClient();
        var pollerA = nodeA.Services.GetRequiredService<CacheInstructionPoller>();
        var pollerB = nodeB.Services.GetRequiredService<CacheInstructionPoller>();
        await pollerB.PollOnceAsync(); // settle the starting point
        var id = nodeA.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;

        await nodeA.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.SpecialNotes.EffectsAndRemainingIssues = "共有の後処理が一度失敗する公開";
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });
        Assert.Equal(1, onA.Calls);
        Assert.Equal(1, nodeA.Services.GetRequiredService<PublishDispatcher>().PendingRetries);

        // Node B replays the outbox row: its own refresh runs, the shared-state handler does not.
        Assert.Equal(1, await pollerB.PollOnceAsync());
        Assert.Equal("共有の後処理が一度失敗する公開", nodeB.ReadModel.Current.FindGoal(id)!.Content.SpecialNotes.EffectsAndRemainingIssues);
        Assert.Equal(0, onB.Calls);

        // Node A's next pass retries it with the same batch, and it succeeds there.
        await pollerA.PollOnceAsync();
        Assert.Equal(2, onA.Calls);
        Assert.All(onA.Batches, b => Assert.Equal([id], b.DocumentIds));
        Assert.All(onA.Batches, b => Assert.False(b.FromOtherNode));
        Assert.Equal(0, nodeA.Services.GetRequiredService<PublishDispatcher>().PendingRetries);
        Assert.Equal(0, onB.Calls);
    }

    private static async Task<T> InDatabaseAsync<T>(PortalFactory node, Func<PortalDbContext, Task<T>> query)
    {
        using var scope = node.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private sealed class FailingOnceSharedHandler : ISharedStatePublishHandler
    {
        public ConcurrentQueue<PublishBatch> Batches { get; } = new();

        public int Calls => Batches.Count;

        public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
        {
            Batches.Enqueue(batch);
            return Batches.Count == 1 ? throw new InvalidOperationException("the first attempt fails") : Task.CompletedTask;
        }
    }
}

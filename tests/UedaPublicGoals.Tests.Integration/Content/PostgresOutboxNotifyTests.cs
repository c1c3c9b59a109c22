using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Sync;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Integration.Content;

/// <summary>
/// Two nodes on one PostgreSQL: the outbox NOTIFY wakes the other node at once. Node B polls only once an
/// hour here, so only the notification can bring it the change. Prints the delay publish-on-A to
/// visible-on-B and where it goes, stage by stage, from the publish activities (a measurement, not an
/// assertion on time).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxNotifyTests(PostgresServer postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_publish_on_node_A_reaches_node_B_through_LISTEN_NOTIFY_without_waiting_for_a_poll()
    {
        using var nodes = new TwoNodes(postgres.SeededConnectionStringFor("portal_notify"));
        var (nodeA, nodeB) = (nodes.A, nodes.B);
        var id = EditorPagesId(nodeA);
        using var trace = new PublishTrace(NodeId(nodeA), NodeId(nodeB));

        var rounds = new List<Round>();
        for (var round = 1; round <= Rounds; round++)
        {
            var text = $"LISTEN/NOTIFY で届いた所見 {round}";
            await SaveNotesDraftAsync(nodeA, id, text);

            // Node B is watched while node A is still running its own handlers: the figure is the
            // propagation, not node A's publish plus the propagation.
            trace.Clear();
            var started = DateTime.UtcNow;
            var publishing = nodeA.WithStoreAsync((store, _) => store.PublishAsync(id, "test"));
            await WaitUntilAsync(() => NotesOn(nodeB, id) == text, $"round {round}: node B never heard of the publish (poll interval is an hour)");

            var seen = DateTime.UtcNow;
            await publishing;
            var applied = await trace.WaitForDispatchOnBAsync();
            rounds.Add(trace.Round(started, seen, applied));

            // The page too, once node B's handlers evicted its cached copy.
            Assert.Contains(text, HtmlText.MainText(await nodes.PublicClientB.GetStringAsync(KohoPath)));
        }

        PrintBreakdown(rounds);
    }

    [Fact]
    public async Task An_outbox_row_that_commits_after_a_higher_numbered_one_still_reaches_node_B()
    {
        using var nodes = new TwoNodes(postgres.SeededConnectionStringFor("portal_notify_straggler"));
        var (nodeA, nodeB) = (nodes.A, nodes.B);
        var year = nodeA.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!;
        var late = year.FindGoal("koho")!.DocumentId;
        var early = year.FindGoal("gakuen-toshi")!.DocumentId;
        await SaveNotesDraftAsync(nodeA, late, "遅れてコミットされた公開");
        await SaveNotesDraftAsync(nodeA, early, "先にコミットされた公開");

        // A publishing transaction that took its outbox id first and has not committed yet.
        using var scope = nodeA.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var straggler = await db.Database.BeginTransactionAsync();
        await db.Documents.Where(d => d.Id == late).ExecuteUpdateAsync(s => s.SetProperty(d => d.PublishedVersion, d => d.DraftVersion));
        db.CacheInstructions.Add(new CacheInstruction { Utc = DateTime.UtcNow, DocumentId = late, OriginNode = "straggler" });
        await db.SaveChangesAsync();

        // Meanwhile a publish with a higher outbox id commits, and node B applies it.
        await nodeA.WithStoreAsync((store, _) => store.PublishAsync(early, "test"));
        await WaitUntilAsync(() => NotesOn(nodeB, early) == "先にコミットされた公開", "node B never applied the publish that committed first");

        // The first transaction commits with a NOTIFY that carries no rows, so node B must find the row in the
        // outbox although it has read past its id.
        await db.Database.ExecuteSqlAsync(OutboxSignal.Notify(new NodeIdentity(), []));
        await straggler.CommitAsync();
        await WaitUntilAsync(() => NotesOn(nodeB, late) == "遅れてコミットされた公開", "node B skipped an outbox row that committed after a higher-numbered one");
    }

    private const int Rounds = 20;

    private static Task SaveNotesDraftAsync(PortalFactory node, Guid id, string text) =>
        node.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.SpecialNotes.EffectsAndRemainingIssues = text;
            await store.SaveDraftAsync(id, draft, "test");
        });

    private static string? NotesOn(PortalFactory node, Guid id) => node.ReadModel.Current.FindGoal(id)?.Content.SpecialNotes.EffectsAndRemainingIssues;

    /// <summary>Waits for node B; the poll interval is an hour, so only a NOTIFY can bring the change within the minute.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), failure);
            await Task.Delay(1);
        }
    }

    private const string KohoPath = "/seisaku-kikaku/r6/koho/";

    private void PrintBreakdown(List<Round> rounds)
    {
        var lines = new List<string> { $"publish on node A -> visible on node B (PostgreSQL LISTEN/NOTIFY, {rounds.Count} rounds), median / max in ms:" };
        void Line(string stage, Func<Round, double> ms)
        {
            var values = rounds.Select(ms).Order().ToList();
            lines.Add($"  {stage,-56} {values[values.Count / 2],8:F1} {values[^1],8:F1}");
        }

        Line("publish start -> commit done on A (A's own work)", r => r.CommitDone);
        Line("commit done on A -> NOTIFY heard on B", r => r.NotifiedOnB - r.CommitDone);
        Line("NOTIFY heard -> sync pass starts on B", r => r.PassStart - r.NotifiedOnB);
        Line("sync pass start -> rows in hand on B (NOTIFY payload)", r => r.DispatchStart - r.PassStart);
        foreach (var handler in rounds[0].Handlers.Keys)
        {
            Line($"  handler on B: {handler}", r => r.Handlers.GetValueOrDefault(handler));
        }

        Line("read model updated on B -> seen by the test", r => r.Seen - r.ReadModelUpdated);
        Line("TOTAL commit done on A -> visible in B's read model", r => r.Seen - r.CommitDone);
        Line("TOTAL commit done on A -> all of B's handlers done", r => r.DispatchEnd - r.CommitDone);
        Line("TOTAL publish start on A -> visible on B", r => r.Seen);
        foreach (var line in lines)
        {
            output.WriteLine(line);
            Console.WriteLine($"[outbox-notify] {line}");
        }
    }

    private static string NodeId(PortalFactory node) => node.Services.GetRequiredService<NodeIdentity>().Id;

    private static Guid EditorPagesId(PortalFactory node) =>
        node.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;

    /// <summary>One round's moments (ms since the publish started on A) and node B's handler durations, in list order.</summary>
    private sealed record Round(
        double CommitDone, double NotifiedOnB, double PassStart, double DispatchStart,
        double ReadModelUpdated, double Seen, double DispatchEnd, IReadOnlyDictionary<string, double> Handlers);

    /// <summary>Collects the publish activities of the two nodes (other tests' nodes run in the same process).</summary>
    private sealed class PublishTrace(string nodeA, string nodeB) : IDisposable
    {
        private readonly StoppedPublishActivities activities = new();

        public void Clear() => activities.Clear();

        /// <summary>Node B's dispatch of the other node's batch, once it has stopped (all handlers ran).</summary>
        public Task<Activity> WaitForDispatchOnBAsync() => activities.WaitForDispatchOnAsync(nodeB, "node B's dispatch activity never stopped");

        public Round Round(DateTime started, DateTime seen, Activity dispatchOnB)
        {
            double Ms(DateTime utc) => (utc - started).TotalMilliseconds;
            var all = activities.All;
            var commit = all.Single(a => a.OperationName == PublishTracing.Commit && NodeOf(a) == nodeA);
            var notified = all.First(a => a.OperationName == PublishTracing.Notified && NodeOf(a) == nodeB);
            var pass = dispatchOnB.Parent!;
            var handlers = all.Where(a => a.OperationName == PublishTracing.Handler && a.Parent == dispatchOnB).ToList();
            var readModel = handlers.Single(h => h.DisplayName == "UpdateReadModel");
            return new Round(
                Ms(commit.StartTimeUtc + commit.Duration), Ms(notified.StartTimeUtc), Ms(pass.StartTimeUtc), Ms(dispatchOnB.StartTimeUtc),
                Ms(readModel.StartTimeUtc + readModel.Duration), Ms(seen), Ms(dispatchOnB.StartTimeUtc + dispatchOnB.Duration),
                handlers.OrderBy(h => h.StartTimeUtc).ToDictionary(h => h.DisplayName, h => h.Duration.TotalMilliseconds));
        }

        private static string? NodeOf(Activity activity) => StoppedPublishActivities.NodeOf(activity);

        public void Dispose() => activities.Dispose();
    }

    /// <summary>Nodes A and B, started, on one database.</summary>
    private sealed class TwoNodes : IDisposable
    {
        public TwoNodes(string connectionString)
        {
            A = new SlowPollingNode { PostgresConnectionString = connectionString };
            B = new SlowPollingNode { PostgresConnectionString = connectionString };
            _ = A.CreatePublicClient();
            PublicClientB = B.CreatePublicClient();
        }

        public PortalFactory A { get; }

        public PortalFactory B { get; }

        public HttpClient PublicClientB { get; }

        public void Dispose()
        {
            B.Dispose();
            A.Dispose();
        }
    }

    private sealed class SlowPollingNode : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Content:Sync:PollInterval", "01:00:00");
        }
    }
}

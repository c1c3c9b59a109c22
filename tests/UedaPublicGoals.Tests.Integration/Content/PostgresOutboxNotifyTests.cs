using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Integration.Content;

/// <summary>
/// Two nodes on one PostgreSQL: the outbox NOTIFY wakes the other node at once. Node B polls only once an
/// hour here, so only the notification can bring it the change. Prints the delay publish-on-A to
/// visible-on-B (a measurement, not an assertion on time).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxNotifyTests(PostgresServer postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_publish_on_node_A_reaches_node_B_through_LISTEN_NOTIFY_without_waiting_for_a_poll()
    {
        var connectionString = postgres.SeededConnectionStringFor("portal_notify");
        using var nodeA = new SlowPollingNode { PostgresConnectionString = connectionString };
        using var nodeB = new SlowPollingNode { PostgresConnectionString = connectionString };
        _ = nodeA.CreatePublicClient();
        _ = nodeB.CreatePublicClient();
        var id = EditorPagesId(nodeA);

        var delays = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            var text = $"LISTEN/NOTIFY で届いた所見 {round}";
            await nodeA.WithStoreAsync(async (store, _) =>
            {
                var draft = await store.GetDraftAsync<GoalContent>(id);
                draft.SpecialNotes.EffectsAndRemainingIssues = text;
                await store.SaveDraftAsync(id, draft, "test");
            });

            // Node B is watched while node A is still running its own handlers: the figure is the
            // propagation, not node A's publish plus the propagation.
            var clock = Stopwatch.StartNew();
            var publishing = nodeA.WithStoreAsync((store, _) => store.PublishAsync(id, "test"));
            var deadline = TimeSpan.FromSeconds(60);
            while (nodeB.ReadModel.Current.FindGoal(id)?.Content.SpecialNotes.EffectsAndRemainingIssues != text)
            {
                Assert.True(clock.Elapsed < deadline, $"round {round}: node B never heard of the publish (poll interval is an hour)");
                await Task.Delay(2);
            }

            delays.Add(clock.Elapsed.TotalMilliseconds);
            await publishing;
        }

        delays.Sort();
        output.WriteLine($"publish on node A -> visible on node B (PostgreSQL LISTEN/NOTIFY, {Rounds} rounds): min {delays[0]:F1} ms, median {delays[Rounds / 2]:F1} ms, max {delays[^1]:F1} ms");
        Console.WriteLine($"[outbox-notify] min {delays[0]:F1} ms, median {delays[Rounds / 2]:F1} ms, max {delays[^1]:F1} ms");
    }

    private const int Rounds = 20;

    private static Guid EditorPagesId(PortalFactory node) =>
        node.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;

    private sealed class SlowPollingNode : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Content:Sync:PollInterval", "01:00:00");
        }
    }
}

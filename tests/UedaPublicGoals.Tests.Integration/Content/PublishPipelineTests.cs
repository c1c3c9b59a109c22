using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Structure;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Content.Sync;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using UedaPublicGoals.Tests.Integration.Search;

namespace UedaPublicGoals.Tests.Integration.Content;

/// <summary>
/// The publish pipeline: one transaction with its outbox row, then the handlers of
/// Content/Publishing/Handlers in order, each isolated, fed one batch per change.
/// </summary>
public sealed class PublishPipelineTests
{
    private const string KohoPath = "/seisaku-kikaku/r6/koho/";

    [Fact]
    public async Task A_handler_that_throws_does_not_fail_the_publish_the_handlers_after_it_run_and_it_is_logged_and_retried()
    {
        var failing = new FailingOnceHandler();
        using var portal = new PipelinePortal(first: failing);
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var id = EditorPages.GoalId(portal, EditorPages.Koho);
        var editor = $"/backoffice/goals/{id}";
        var publicClient = portal.CreatePublicClient();
        await publicClient.GetStringAsync(KohoPath); // in the output cache: the eviction handler must run

        var form = await session.ReadFormAsync(editor);
        form["Initiatives[0].MidtermReport.Status"] = nameof(ProgressStatus.OnTrack);
        form["Initiatives[0].MidtermReport.ReportedOn"] = "2024-10-15";
        form["Initiatives[0].MidtermReport.Text"] = "失敗する後処理があっても公開された中間報告";
        var published = await session.PostAsync($"{editor}/publish", form);

        // The editor says the publish succeeded.
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(editor, published.Headers.Location!.OriginalString);
        Assert.Contains("第2版を公開しました", await session.Client.GetStringAsync(editor));
        Assert.Equal(1, failing.Calls);

        // The handlers after the failing (first) one ran: read model, output cache, open data, search.
        Assert.Contains("失敗する後処理があっても公開された中間報告", HtmlText.MainText(await publicClient.GetStringAsync(KohoPath)));
        Assert.Contains("失敗する後処理があっても公開された中間報告", await publicClient.GetStringAsync("/opendata/goals.json"));

        // Logged with the handler and the document, and queued for a retry.
        var error = Assert.Single(portal.Logs.Entries, e => e.Level == LogLevel.Error && e.Category.EndsWith(nameof(PublishDispatcher), StringComparison.Ordinal));
        Assert.Contains(nameof(FailingOnceHandler), error.Message);
        Assert.Contains(id.ToString(), error.Message);
        var dispatcher = portal.Services.GetRequiredService<PublishDispatcher>();
        Assert.Equal(1, dispatcher.PendingRetries);

        // The poller's next pass retries it with the same batch, and it succeeds.
        await portal.Services.GetRequiredService<CacheInstructionPoller>().PollOnceAsync();
        Assert.Equal(2, failing.Calls);
        Assert.Equal([id], failing.Batches.Last().DocumentIds);
        Assert.Equal(0, dispatcher.PendingRetries);
    }

    [Fact]
    public async Task The_outbox_row_commits_with_the_publish_so_other_nodes_follow_a_node_that_stops_before_its_handlers()
    {
        var frozen = new FrozenHandler();
        using var nodeA = new PipelinePortal(first: frozen);
        using var nodeB = new PipelinePortal(sharedDatabase: nodeA.SqliteConnectionString);
        var clientA = nodeA.CreatePublicClient();
        var clientB = nodeB.CreatePublicClient();
        await clientA.GetStringAsync(KohoPath);
        await clientB.GetStringAsync(KohoPath);
        var pollerB = nodeB.Services.GetRequiredService<CacheInstructionPoller>();
        await pollerB.PollOnceAsync(); // settle the starting point

        var id = EditorPages.GoalId(nodeA, EditorPages.Koho);
        await nodeA.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.SpecialNotes.EffectsAndRemainingIssues = "ノードAが公開直後に止まっても届く報告";
            await store.SaveDraftAsync(id, draft, "test");
        });

        // Node A commits and then hangs in its first handler: as good as dead for the pipeline.
        using var scope = nodeA.Services.CreateScope();
        var publishing = scope.ServiceProvider.GetRequiredService<ContentStore>().PublishAsync(id, "test");
        await frozen.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The publish and its outbox row are in the database together; node A's own pages never heard of it.
        var (publishedVersion, outboxRows) = await InDatabaseAsync(nodeA, async db => (
            (await db.Documents.SingleAsync(d => d.Id == id)).PublishedVersion,
            await db.CacheInstructions.CountAsync(i => i.DocumentId == id)));
        Assert.Equal(2, publishedVersion);
        Assert.Equal(1, outboxRows);
        Assert.DoesNotContain("ノードAが公開直後に止まっても届く報告", HtmlText.MainText(await clientA.GetStringAsync(KohoPath)));

        // Node B follows from the outbox alone.
        Assert.Equal(1, await pollerB.PollOnceAsync());
        Assert.Contains("ノードAが公開直後に止まっても届く報告", HtmlText.MainText(await clientB.GetStringAsync(KohoPath)));

        frozen.Release.SetResult();
        await publishing;
    }

    [Fact]
    public async Task A_publish_that_lost_a_race_saves_nothing_neither_the_pointer_nor_the_audit_row_nor_the_outbox_row()
    {
        using var portal = new PipelinePortal();
        var id = EditorPages.GoalId(portal, EditorPages.Koho);

        // One request loads the document; another saves a draft before the first one publishes.
        using var stale = portal.Services.CreateScope();
        _ = await stale.ServiceProvider.GetRequiredService<PortalDbContext>().Documents.SingleAsync(d => d.Id == id);
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.SpecialNotes.EffectsAndRemainingIssues = "先に保存した人の所見";
            await store.SaveDraftAsync(id, draft, "first");
        });
        var before = await CountsAsync(portal, id);

        var conflict = await Assert.ThrowsAsync<ContentConflictException>(() => stale.ServiceProvider.GetRequiredService<ContentStore>().PublishAsync(id, "second"));
        Assert.Equal(id, conflict.DocumentId);
        Assert.Equal(before, await CountsAsync(portal, id));
        Assert.Equal(1, before.PublishedVersion);
    }

    private static Task<(int? PublishedVersion, int Outbox, int Audit)> CountsAsync(PortalFactory portal, Guid id) =>
        InDatabaseAsync(portal, async db => (
            (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id)).PublishedVersion,
            await db.CacheInstructions.CountAsync(i => i.DocumentId == id),
            await db.AuditEntries.CountAsync(a => a.Target == $"goal:{id}")));

    [Fact]
    public async Task A_structure_change_that_moves_50_documents_is_one_batch_and_one_read_model_update()
    {
        var recorder = new RecordingHandler();
        using var portal = new PipelinePortal(last: recorder);
        var (departmentId, goalIds) = await AddDepartmentWithPublishedGoalsAsync(portal, 50);
        await portal.ReadModel.RebuildAsync();
        recorder.Batches.Clear();
        var logsBefore = portal.Logs.Entries.Count;

        using (var scope = portal.Services.CreateScope())
        {
            var problems = await scope.ServiceProvider.GetRequiredService<StructureService>()
                .UpdateDepartmentAsync(departmentId, new DepartmentForm { Name = "五十目標部", Slug = "gojuu-moved" }, "test");
            Assert.Empty(problems);
        }

        var batch = Assert.Single(recorder.Batches);
        Assert.Equal(goalIds.Order(), batch.DocumentIds.Order());
        var update = Assert.Single(portal.Logs.Entries.Skip(logsBefore), e => e.Message.StartsWith("Published read model", StringComparison.Ordinal));

        // Nothing's published version changed, so no document was read or parsed again.
        Assert.EndsWith(" 0 documents read.", update.Message);
        var client = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gojuu-moved/r6/goal-17/")).StatusCode);
        var moved = await client.GetAsync("/gojuu/r6/goal-17/");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/gojuu-moved/r6/goal-17/", moved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_publish_of_one_goal_puts_together_only_its_department_and_every_other_department_stays_the_same_object()
    {
        using var portal = new PipelinePortal();
        var (_, otherGoals) = await AddDepartmentWithPublishedGoalsAsync(portal, 3);
        await portal.ReadModel.RebuildAsync();
        var before = portal.ReadModel.Current;
        var kohoId = EditorPages.GoalId(portal, EditorPages.Koho);
        var sibling = before.FindDepartment("seisaku-kikaku")!.Years.SelectMany(y => y.Goals).First(g => g.DocumentId != kohoId);
        var logsBefore = portal.Logs.Entries.Count;

        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(kohoId);
            draft.Title = "差し替えた広報の重点目標";
            await store.SaveDraftAsync(kohoId, draft, "test");
            await store.PublishAsync(kohoId, "test");
        });

        var after = portal.ReadModel.Current;
        Assert.NotSame(before, after);

        // The other department is carried over whole: its goals are the very same objects.
        Assert.Same(before.FindDepartment("gojuu"), after.FindDepartment("gojuu"));
        Assert.All(otherGoals, id => Assert.Same(before.FindGoal(id), after.FindGoal(id)));

        // The published goal is new; its neighbours in the same year are placed again but keep their parsed content.
        var koho = after.FindGoal(kohoId)!;
        Assert.NotSame(before.FindGoal(kohoId), koho);
        Assert.Equal("差し替えた広報の重点目標", koho.Content.Title);
        Assert.Same(koho, after.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho"));
        Assert.Same(sibling.Content, after.FindGoal(sibling.DocumentId)!.Content);
        Assert.Equal(before.GoalCount, after.GoalCount);
        var update = Assert.Single(portal.Logs.Entries.Skip(logsBefore), e => e.Message.StartsWith("Published read model", StringComparison.Ordinal));
        Assert.EndsWith(" 1 of 2 departments put together, 1 documents read.", update.Message);

        // The listings the goal is in show the new title; the other department's listing is unchanged.
        var client = portal.CreatePublicClient();
        Assert.Contains("差し替えた広報の重点目標", await client.GetStringAsync("/seisaku-kikaku/r6/"));
        Assert.Contains("差し替えた広報の重点目標", await client.GetStringAsync("/seisaku-kikaku/"));
        Assert.Contains("五十目標部の重点目標2", await client.GetStringAsync("/gojuu/r6/"));
    }

    [Fact]
    public async Task Publishing_again_and_again_keeps_no_earlier_snapshot_or_replaced_goal_alive()
    {
        // The memory a publish leaves behind must not grow with publishes: nothing (open data's pieces, the search
        // index, caches, the next snapshot built from this one) may hold on to a snapshot or a goal once replaced.
        using var portal = new PipelinePortal();
        await portal.ReadModel.RebuildAsync();
        var kohoId = EditorPages.GoalId(portal, EditorPages.Koho);
        var client = portal.CreatePublicClient();
        Assert.Contains("goals.csv", await client.GetStringAsync("/opendata/"));
        var (firstSnapshot, firstGoal, firstContent) = WeakReferencesToCurrent(portal, kohoId);

        for (var round = 1; round <= 3; round++)
        {
            await portal.WithStoreAsync(async (store, _) =>
            {
                var draft = await store.GetDraftAsync<GoalContent>(kohoId);
                draft.Title = $"{round}回目に差し替えた広報の重点目標";
                await store.SaveDraftAsync(kohoId, draft, "test");
                await store.PublishAsync(kohoId, "test");
            });
            Assert.Contains($"{round}回目に差し替えた広報の重点目標", await client.GetStringAsync(KohoPath));
            Assert.Contains($"{round}回目に差し替えた広報の重点目標", await client.GetStringAsync("/opendata/goals.csv"));
        }

        await portal.SearchIndexFlushedAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(firstSnapshot.IsAlive, "the first snapshot is still referenced after three publishes");
        Assert.False(firstGoal.IsAlive, "the replaced goal is still referenced after three publishes");
        Assert.False(firstContent.IsAlive, "the replaced goal's content is still referenced after three publishes");
        Assert.Equal("3回目に差し替えた広報の重点目標", portal.ReadModel.Current.FindGoal(kohoId)!.Content.Title);
    }

    // Not inlined, so no strong reference outlives this frame in the test method's locals.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Snapshot, WeakReference Goal, WeakReference Content) WeakReferencesToCurrent(PortalFactory portal, Guid goalId)
    {
        var snapshot = portal.ReadModel.Current;
        var goal = snapshot.FindGoal(goalId)!;
        return (new WeakReference(snapshot), new WeakReference(goal), new WeakReference(goal.Content));
    }

    [Fact]
    public async Task Unpublishing_a_goal_takes_it_off_the_snapshot_and_its_year_leaves_with_its_last_goal()
    {
        using var portal = new PipelinePortal();
        var (_, goals) = await AddDepartmentWithPublishedGoalsAsync(portal, 2);
        await portal.ReadModel.RebuildAsync();

        await portal.WithStoreAsync((store, _) => store.UnpublishAsync(goals[0], "test"));
        var one = portal.ReadModel.Current;
        Assert.Null(one.FindGoal(goals[0]));
        Assert.Equal(goals[1], Assert.Single(one.FindDepartment("gojuu")!.FindYear("r6")!.Goals).DocumentId);

        await portal.WithStoreAsync((store, _) => store.UnpublishAsync(goals[1], "test"));
        var none = portal.ReadModel.Current;
        Assert.Null(none.FindGoal(goals[1]));
        Assert.Null(none.FindDepartment("gojuu"));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreatePublicClient().GetAsync("/gojuu/r6/goal-2/")).StatusCode);

        // Published again: back in the snapshot, from the stored version.
        await portal.WithStoreAsync((store, _) => store.PublishAsync(goals[1], "test"));
        Assert.Equal("五十目標部の重点目標2", portal.ReadModel.Current.FindGoal(goals[1])!.Content.Title);
    }

    private static async Task<(int DepartmentId, List<Guid> GoalIds)> AddDepartmentWithPublishedGoalsAsync(PortalFactory portal, int count)
    {
        using var scope = portal.Services.CreateScope();
        var structure = scope.ServiceProvider.GetRequiredService<StructureService>();
        var (departmentId, problems) = await structure.CreateDepartmentAsync(new DepartmentForm { Name = "五十目標部", Slug = "gojuu" }, "test");
        Assert.Empty(problems);
        var (yearId, yearProblems) = await structure.CreateFiscalYearAsync(departmentId!.Value, new FiscalYearForm { Year = 2024, Heading = "令和6年度" }, "test");
        Assert.Empty(yearProblems);

        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var template = await store.GetDraftAsync<GoalContent>(EditorPages.GoalId(portal, EditorPages.Koho));
        var ids = new List<Guid>();
        for (var i = 1; i <= count; i++)
        {
            template.Title = $"五十目標部の重点目標{i}";
            template.Priority = i;
            var document = await store.AddDocumentAsync(DocumentKind.Goal, yearId, $"goal-{i}", i * 10, template, "test", publish: true, default);
            ids.Add(document.Id);
        }

        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        return (departmentId.Value, ids);
    }

    private static async Task<T> InDatabaseAsync<T>(PortalFactory portal, Func<PortalDbContext, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>The site with an extra handler first or last in the ordered list, and its logs captured.</summary>
    internal sealed class PipelinePortal(IPublishHandler? first = null, IPublishHandler? last = null, string? sharedDatabase = null) : PortalFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // The tests run the poller's passes themselves.
            builder.UseSetting("Content:Sync:PollInterval", "01:00:00");
            if (sharedDatabase is not null)
            {
                builder.UseSetting("Database:ConnectionString", sharedDatabase);
            }

            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ILoggerProvider>(Logs);
                if (first is not null)
                {
                    var index = services.ToList().FindIndex(d => d.ServiceType == typeof(IPublishHandler));
                    services.Insert(index, ServiceDescriptor.Singleton(first));
                }

                if (last is not null)
                {
                    services.AddSingleton(last);
                }
            });
        }
    }

    private sealed class FailingOnceHandler : IPublishHandler
    {
        public ConcurrentQueue<PublishBatch> Batches { get; } = new();

        public int Calls => Batches.Count;

        public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
        {
            Batches.Enqueue(batch);
            return Batches.Count == 1 ? throw new InvalidOperationException("the first attempt fails") : Task.CompletedTask;
        }
    }

    internal sealed class FrozenHandler : IPublishHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
        {
            if (batch.FromOtherNode)
            {
                return;
            }

            Entered.TrySetResult();
            await Release.Task;
        }
    }

    private sealed class RecordingHandler : IPublishHandler
    {
        public List<PublishBatch> Batches { get; } = [];

        public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
        {
            lock (Batches)
            {
                Batches.Add(batch);
            }

            return Task.CompletedTask;
        }
    }
}

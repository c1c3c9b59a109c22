using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Sync;

/// <summary>This process's identity among the nodes sharing one database.</summary>
public sealed class NodeIdentity
{
    // Unique per process start; the host name is there for people reading the table.
    public string Id { get; } = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}

/// <summary>Bound from "Content:Sync".</summary>
public sealed class CacheSyncOptions
{
    /// <summary>How often to look for changes made by other nodes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Instructions older than this are deleted; a node down for longer rebuilds at start anyway.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Applies other nodes' cache instructions (their outbox rows) as one batch per pass through the
/// same <see cref="PublishDispatcher"/> the publishing node used, so every handler refreshes here
/// exactly as it did there; and retries this node's own handler work that failed. A pass runs on every
/// poll interval and, on PostgreSQL, as soon as another node's NOTIFY arrives.
/// </summary>
public sealed class CacheInstructionPoller(
    IServiceScopeFactory scopes,
    PublishDispatcher dispatcher,
    OutboxSignal signal,
    NodeIdentity node,
    IOptions<CacheSyncOptions> options,
    TimeProvider clock,
    ILogger<CacheInstructionPoller> logger) : BackgroundService
{
    private readonly SemaphoreSlim passLock = new(1, 1);
    private readonly SemaphoreSlim woken = new(0, 1);
    private readonly ConcurrentQueue<CacheInstruction> announced = new();
    private readonly Dictionary<long, DateTime> recent = [];
    private long settledId = -1;
    private DateTime nextPruneUtc = DateTime.MinValue;

    /// <summary>One pass; public so tests can run it deterministically. Returns the instructions applied.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct = default)
    {
        await passLock.WaitAsync(ct);
        try
        {
            using var activity = PublishTracing.Source.StartActivity(PublishTracing.SyncPass);
            activity?.SetTag(PublishTracing.NodeTag, node.Id);
            return await PollAsync(ct);
        }
        finally
        {
            passLock.Release();
        }
    }

    private async Task<int> PollAsync(CancellationToken ct)
    {
        // The rows a NOTIFY carried first, without a database round trip; then the outbox read finds everything else.
        var applied = await ApplyAnnouncedAsync(ct);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        applied += await ApplyFromOutboxAsync(db, ct);

        // After the new changes, so a handler that keeps failing never holds up what other nodes published.
        await dispatcher.RetryFailedAsync(ct);
        await PruneAsync(db, ct);
        return applied;
    }

    /// <summary>
    /// How long a read outbox row counts as recent. Ids are taken when a row is inserted, not when it commits: a
    /// transaction that inserted first can commit a LOWER id after a pass has read higher ones (two nodes publishing
    /// at once). So every row above <see cref="settledId"/> is read again on each pass and recognised by its id;
    /// a publishing transaction lasts milliseconds, so after this window no lower id can still turn up.
    /// </summary>
    internal static readonly TimeSpan StragglerWindow = TimeSpan.FromMinutes(1);

    private async Task<int> ApplyFromOutboxAsync(PortalDbContext db, CancellationToken ct)
    {
        if (settledId < 0)
        {
            // At start the read model was just built from the database: only later changes matter.
            settledId = await db.CacheInstructions.MaxAsync(i => (long?)i.Id, ct) ?? 0;
            return 0;
        }

        var rows = await db.CacheInstructions.AsNoTracking()
            .Where(i => i.Id > settledId)
            .OrderBy(i => i.Id)
            .ToListAsync(ct);
        var applied = await ApplyUnseenAsync(rows, ct);
        Settle(clock.GetUtcNow().UtcDateTime);
        return applied;
    }

    private Task<int> ApplyAnnouncedAsync(CancellationToken ct)
    {
        if (settledId < 0)
        {
            return Task.FromResult(0); // not started: the first outbox read sets where to begin
        }

        var rows = new List<CacheInstruction>();
        while (announced.TryDequeue(out var row))
        {
            rows.Add(row);
        }

        return ApplyUnseenAsync(rows, ct);
    }

    /// <summary>Runs the rows not seen before (by id) and not this node's own through the handlers, as one batch.</summary>
    private async Task<int> ApplyUnseenAsync(IEnumerable<CacheInstruction> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var foreign = new List<CacheInstruction>();
        foreach (var row in rows)
        {
            if (row.Id > settledId && recent.TryAdd(row.Id, now) && row.OriginNode != node.Id)
            {
                foreign.Add(row);
            }
        }

        await dispatcher.DispatchAsync(new PublishBatch(foreign.Select(i => i.DocumentId).Distinct().ToList(), FromOtherNode: true), ct);
        if (foreign.Count > 0)
        {
            logger.LogInformation("Applied {Count} cache instructions from other nodes.", foreign.Count);
        }

        return foreign.Count;
    }

    /// <summary>Moves <see cref="settledId"/> past the rows read longer than <see cref="StragglerWindow"/> ago.</summary>
    private void Settle(DateTime now)
    {
        var settled = recent.Where(r => now - r.Value > StragglerWindow).Select(r => r.Key).DefaultIfEmpty(settledId).Max();
        if (settled <= settledId)
        {
            return;
        }

        settledId = settled;
        foreach (var id in recent.Keys.Where(id => id <= settled).ToList())
        {
            recent.Remove(id);
        }
    }

    /// <summary>Deletes expired instructions, at most once per poll interval: passes woken by NOTIFY can come many a second.</summary>
    private async Task PruneAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < nextPruneUtc)
        {
            return;
        }

        nextPruneUtc = now + options.Value.PollInterval;
        var cutoff = now - options.Value.Retention;
        await db.CacheInstructions.Where(i => i.Utc < cutoff).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = signal.Enabled ? signal.ListenAsync(Wake, stoppingToken) : Task.CompletedTask;
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        Task<bool>? tick = null;
        Task? notified = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not stop syncing for good: log and try next tick.
                logger.LogWarning(ex, "Polling cache instructions failed; retrying.");
            }

            // Whichever comes first: the poll interval, or another node's NOTIFY (PostgreSQL).
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            notified ??= woken.WaitAsync(stoppingToken);
            try
            {
                if (await Task.WhenAny(tick, notified) == tick)
                {
                    tick = null;
                }
                else
                {
                    notified = null;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await listening;
    }

    /// <summary>Called by <see cref="OutboxSignal"/> for every NOTIFY (an unknown origin: look anyway).</summary>
    private void Wake(OutboxNotification notification)
    {
        if (notification.OriginNode == node.Id)
        {
            return; // this node ran its handlers when it committed
        }

        foreach (var row in notification.Rows)
        {
            announced.Enqueue(row);
        }

        using (var activity = PublishTracing.Source.StartActivity(PublishTracing.Notified))
        {
            activity?.SetTag(PublishTracing.NodeTag, node.Id);
        }

        try
        {
            woken.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one pass reads every new row.
        }
    }
}

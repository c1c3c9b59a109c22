using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Search.Indexing;

/// <summary>
/// The only writer of both search indexes. Requests (an item changed, catch up, rebuild,
/// flush) go through one channel; a background loop takes whatever is queued, applies it
/// and commits once per batch, then refreshes the near-real-time readers. Publishing never
/// waits for the index; tests and staff search await <see cref="FlushAsync"/> or
/// <see cref="CatchUpAsync"/> instead of sleeping.
/// </summary>
public sealed class SearchIndexer : BackgroundService
{
    /// <summary>More changed items than this at a catch-up: rebuilding is cheaper than patching.</summary>
    private const int ReconcileLimit = 200;

    private const int MaxBatch = 500;

    private readonly Channel<IndexCommand> commands = Channel.CreateUnbounded<IndexCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IReadOnlyList<ISearchDocumentSource> sources;
    private readonly SearchOptions options;
    private readonly ILogger<SearchIndexer> logger;

    public SearchIndexer(IEnumerable<ISearchDocumentSource> sources, IOptions<SearchOptions> options, IHostEnvironment environment, ILogger<SearchIndexer> logger, IEnumerable<ISearchReadings> readings)
    {
        this.sources = sources.ToList();
        this.options = options.Value;
        this.logger = logger;
        var root = this.options.ResolveIndexPath(environment.ContentRootPath);
        var reading = readings.FirstOrDefault();
        External = new SearchIndex(Path.Combine(root, "external"), SearchIndexKind.External, logger, reading);
        Internal = new SearchIndex(Path.Combine(root, "internal"), SearchIndexKind.Internal, logger, reading);
    }

    /// <summary>Published content: the public site and API search this.</summary>
    public SearchIndex External { get; }

    /// <summary>Newest drafts of everything: staff search reads this.</summary>
    public SearchIndex Internal { get; }

    public SearchIndex Index(SearchIndexKind kind) => kind == SearchIndexKind.External ? External : Internal;

    /// <summary>An item was published, unpublished, changed or deleted: re-read it into both indexes. Does not wait.</summary>
    public void QueueItemUpdate(string itemKey) => commands.Writer.TryWrite(new UpdateItem(itemKey, Done: null));

    /// <summary>Completes once everything queued before it is committed and visible to searches.</summary>
    public Task FlushAsync(CancellationToken ct = default) => SendAsync(new Flush(NewCompletion()), ct);

    /// <summary>
    /// Brings one index up to the content by comparing stamps: what changed is re-read, what
    /// disappeared is removed. Staff search calls it first, because saving a draft raises no
    /// notification; a timer calls it for both indexes as a safety net.
    /// </summary>
    public Task CatchUpAsync(SearchIndexKind kind, CancellationToken ct = default) => SendAsync(new Reconcile(kind, NewCompletion()), ct);

    /// <summary>
    /// Rebuilds both indexes from the sources (the 管理者's "rebuild the search index" button).
    /// Searches keep answering from the previous commit until the new one is complete.
    /// </summary>
    public Task RebuildAsync(CancellationToken ct = default) => SendAsync(new Rebuild(NewCompletion()), ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting: pages are served while the index is built.
        await Task.Yield();
        try
        {
            foreach (var index in new[] { External, Internal })
            {
                await StartIndexAsync(index, stoppingToken);
            }

            using var timer = StartCatchUpTimer(stoppingToken);
            var batch = new List<IndexCommand>();
            while (await commands.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && commands.Reader.TryRead(out var command))
                {
                    batch.Add(command);
                }

                try
                {
                    await ProcessBatchAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // One failed batch must not stop the indexer for good (search would answer 503 until a
                    // restart): its waiters get the error, the next batch runs.
                    logger.LogError(ex, "A search index batch of {Count} command(s) failed; the indexer carries on.", batch.Count);
                    foreach (var command in batch)
                    {
                        command.Done?.TrySetException(ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            commands.Writer.TryComplete();
            while (commands.Reader.TryRead(out var pending))
            {
                pending.Done?.TrySetCanceled(CancellationToken.None);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        External.Dispose();
        Internal.Dispose();
    }

    private async Task StartIndexAsync(SearchIndex index, CancellationToken ct)
    {
        try
        {
            if (index.Open())
            {
                var current = await ReadStampsAsync(index.Kind, ct);
                if (SearchIndex.Fingerprint(current) == index.StoredFingerprint)
                {
                    index.LastStartup = SearchIndexStartup.UpToDate;
                    logger.LogInformation("Search index {Kind} is up to date ({Items} items).", index.Kind, index.Stamps.Count);
                    return;
                }

                index.LastStartup = await ReconcileAsync(index, current, ct) ? SearchIndexStartup.Rebuilt : SearchIndexStartup.Reconciled;
            }
            else
            {
                await RebuildIndexAsync(index, ct);
                index.LastStartup = SearchIndexStartup.Rebuilt;
            }

            if (index.HasUncommittedChanges)
            {
                index.CommitAndRefresh();
            }

            logger.LogInformation("Search index {Kind} ready: {Startup}, {Items} items.", index.Kind, index.LastStartup, index.Stamps.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The site keeps serving pages; search says it is unavailable. The next catch-up or
            // rebuild request tries again.
            index.LastStartup = SearchIndexStartup.None;
            index.Dispose();
            logger.LogError(ex, "Search index {Kind} could not be opened or built.", index.Kind);
        }
    }

    private async Task ProcessBatchAsync(List<IndexCommand> batch, CancellationToken ct)
    {
        var failures = new Dictionary<SearchIndexKind, Exception>();
        var rebuild = batch.Any(c => c is Rebuild);
        var itemKeys = batch.OfType<UpdateItem>().Select(c => c.Key).Distinct(StringComparer.Ordinal).ToList();
        var catchUps = batch.OfType<Reconcile>().Select(c => c.Kind).ToHashSet();

        foreach (var index in new[] { External, Internal })
        {
            if (!index.IsOpen)
            {
                // Failed at start: any request that would touch it is a reason to try again.
                if (rebuild || catchUps.Contains(index.Kind) || itemKeys.Count > 0)
                {
                    await StartIndexAsync(index, ct);
                }

                if (!index.IsOpen)
                {
                    failures[index.Kind] = new SearchUnavailableException();
                }

                continue;
            }

            try
            {
                if (rebuild)
                {
                    // Replaces everything, so the item updates and catch-ups of this batch are included.
                    await RebuildIndexAsync(index, ct);
                }
                else
                {
                    foreach (var key in itemKeys)
                    {
                        index.ReplaceItem(key, await ReadItemAsync(index.Kind, key, ct));
                    }

                    if (catchUps.Contains(index.Kind))
                    {
                        await ReconcileAsync(index, current: null, ct);
                    }
                }

                if (index.HasUncommittedChanges)
                {
                    index.CommitAndRefresh();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures[index.Kind] = ex;
                logger.LogError(ex, "Search index {Kind}: applying {Count} queued changes failed; reopening it.", index.Kind, batch.Count);
                await StartIndexAsync(index, ct);
            }
        }

        foreach (var command in batch)
        {
            var failure = command switch
            {
                Reconcile r => failures.GetValueOrDefault(r.Kind),
                _ => failures.Values.FirstOrDefault(),
            };
            if (failure is null)
            {
                command.Done?.TrySetResult();
            }
            else
            {
                command.Done?.TrySetException(failure);
            }
        }
    }

    private async Task RebuildIndexAsync(SearchIndex index, CancellationToken ct)
    {
        var items = new List<SearchSourceItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ReadAllAsync(index.Kind, ct));
        }

        index.ReplaceAll(items);
        logger.LogInformation("Search index {Kind}: rebuilt from {Items} items.", index.Kind, items.Count);
    }

    /// <summary>Returns true when there was so much to do that it rebuilt instead.</summary>
    private async Task<bool> ReconcileAsync(SearchIndex index, IReadOnlyDictionary<string, string>? current, CancellationToken ct)
    {
        current ??= await ReadStampsAsync(index.Kind, ct);
        var changed = current.Where(p => index.Stamps.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).ToList();
        var removed = index.Stamps.Keys.Where(k => !current.ContainsKey(k)).ToList();
        if (changed.Count > ReconcileLimit)
        {
            await RebuildIndexAsync(index, ct);
            return true;
        }

        foreach (var key in changed)
        {
            index.ReplaceItem(key, await ReadItemAsync(index.Kind, key, ct));
        }

        foreach (var key in removed)
        {
            index.ReplaceItem(key, null);
        }

        if (changed.Count + removed.Count > 0)
        {
            logger.LogInformation("Search index {Kind}: caught up {Changed} changed and {Removed} removed items.", index.Kind, changed.Count, removed.Count);
        }

        return false;
    }

    private async Task<SearchSourceItem?> ReadItemAsync(SearchIndexKind kind, string key, CancellationToken ct)
    {
        var source = sources.FirstOrDefault(s => key.StartsWith(s.KeyPrefix, StringComparison.Ordinal));
        return source is null ? null : await source.ReadAsync(kind, key, ct);
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadStampsAsync(SearchIndexKind kind, CancellationToken ct)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (key, stamp) in await source.ReadStampsAsync(kind, ct))
            {
                all[key] = stamp;
            }
        }

        return all;
    }

    private IDisposable? StartCatchUpTimer(CancellationToken stoppingToken)
    {
        if (options.CatchUpInterval <= TimeSpan.Zero)
        {
            return null;
        }

        var timer = new PeriodicTimer(options.CatchUpInterval);
        _ = Task.Run(async () =>
        {
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    commands.Writer.TryWrite(new Reconcile(SearchIndexKind.External, Done: null));
                    commands.Writer.TryWrite(new Reconcile(SearchIndexKind.Internal, Done: null));
                }
            }
            catch (OperationCanceledException)
            {
                // Shutting down.
            }
        }, CancellationToken.None);
        return timer;
    }

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task SendAsync(IndexCommand command, CancellationToken ct)
    {
        if (!commands.Writer.TryWrite(command))
        {
            throw new SearchUnavailableException();
        }

        await command.Done!.Task.WaitAsync(ct);
    }

    private abstract record IndexCommand(TaskCompletionSource? Done);

    private sealed record UpdateItem(string Key, TaskCompletionSource? Done) : IndexCommand(Done);

    private sealed record Reconcile(SearchIndexKind Kind, TaskCompletionSource? Done) : IndexCommand(Done);

    private sealed record Rebuild(TaskCompletionSource? Done) : IndexCommand(Done);

    private sealed record Flush(TaskCompletionSource? Done) : IndexCommand(Done);
}

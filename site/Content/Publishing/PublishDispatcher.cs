using System.Collections.Concurrent;
using System.Diagnostics;

namespace UedaPublicGoals.Content.Publishing;

/// <summary>
/// The one place that runs the <see cref="IPublishHandler"/>s, for every path that changes the public site:
/// the editor, the scheduler, structure changes, the recycle bin, approvals and the poller replaying other
/// nodes' outbox rows. Each handler is isolated: a failure is logged with the documents, queued for a retry
/// (<see cref="RetryFailedAsync"/>, run by the poller on every pass) and never stops the handlers after it.
/// The change itself is already committed, so nothing here can turn a publish into an error.
/// </summary>
public sealed class PublishDispatcher(IEnumerable<IPublishHandler> handlers, ILogger<PublishDispatcher> logger)
{
    /// <summary>After this many failed retries the work is dropped with an error; the next publish or restart rebuilds.</summary>
    public const int MaxRetries = 10;

    private readonly IReadOnlyList<IPublishHandler> ordered = handlers.ToList();
    private readonly ConcurrentQueue<FailedWork> failed = new();

    /// <summary>Work waiting for a retry, for tests and diagnostics.</summary>
    public int PendingRetries => failed.Count;

    /// <summary>Runs every handler, in order, on the batch. Returns the number of handlers that failed.</summary>
    public async Task<int> DispatchAsync(PublishBatch batch, CancellationToken ct = default)
    {
        if (batch.DocumentIds.Count == 0)
        {
            return 0;
        }

        using var activity = PublishTracing.Source.StartActivity(PublishTracing.Dispatch);
        activity?.SetTag("ueda.documents", batch.DocumentIds.Count);
        activity?.SetTag("ueda.from_other_node", batch.FromOtherNode);
        var failures = 0;
        foreach (var handler in ordered)
        {
            if (!await RunTracedAsync(handler, batch, attempt: 0, ct))
            {
                failures++;
            }
        }

        return failures;
    }

    /// <summary>Runs the failed work again, once each. Returns how many still fail.</summary>
    public async Task<int> RetryFailedAsync(CancellationToken ct = default)
    {
        var stillFailing = 0;
        for (var count = failed.Count; count > 0 && failed.TryDequeue(out var work); count--)
        {
            if (!await RunTracedAsync(work.Handler, work.Batch, work.Attempt + 1, ct))
            {
                stillFailing++;
            }
        }

        return stillFailing;
    }

    /// <summary>One handler run inside its activity, named after the handler (see <see cref="PublishTracing"/>).</summary>
    private async Task<bool> RunTracedAsync(IPublishHandler handler, PublishBatch batch, int attempt, CancellationToken ct)
    {
        using var activity = PublishTracing.Source.StartActivity(PublishTracing.Handler);
        if (activity is not null)
        {
            activity.DisplayName = handler.GetType().Name;
            activity.SetTag("ueda.attempt", attempt);
        }

        var succeeded = await RunAsync(handler, batch, attempt, ct);
        if (!succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return succeeded;
    }

    private async Task<bool> RunAsync(IPublishHandler handler, PublishBatch batch, int attempt, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await handler.HandleAsync(batch, ct);
            logger.LogDebug("Publish handler {Handler} took {Milliseconds:0.0} ms for {Batch}.", handler.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, batch);
            if (attempt > 0)
            {
                logger.LogInformation("Publish handler {Handler} succeeded on retry {Attempt} for {Batch}.", handler.GetType().Name, attempt, batch);
            }

            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            if (attempt < MaxRetries)
            {
                failed.Enqueue(new FailedWork(handler, batch, attempt));
                logger.LogError(ex, "Publish handler {Handler} failed (attempt {Attempt}) for {Batch}; it will be retried.", handler.GetType().Name, attempt + 1, batch);
            }
            else
            {
                logger.LogError(ex, "Publish handler {Handler} failed {Attempts} times for {Batch}; giving up until the next publish.", handler.GetType().Name, attempt + 1, batch);
            }

            return false;
        }
    }

    private sealed record FailedWork(IPublishHandler Handler, PublishBatch Batch, int Attempt);
}

using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// The node's one writer of comments (group commit). Requests put their comment on a channel and
/// wait; the writer takes everything waiting (up to <see cref="MaxBatch"/>) and stores it in one
/// transaction, then answers each request. A resident is answered only after their batch committed,
/// so nothing answered is ever lost, and SQLite's single write lock is taken once per batch instead
/// of once per comment by every request at the same time.
/// </summary>
public sealed class CommentWriter(IServiceScopeFactory scopes, ILogger<CommentWriter> logger) : BackgroundService
{
    /// <summary>Large enough to absorb a burst, small enough to keep each commit short.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the comment with the next batch; completes once that batch is durable.</summary>
    public Task<SubmissionOutcome> WriteAsync(CommentWrite write, CancellationToken ct = default)
    {
        var pending = new PendingWrite(write, new TaskCompletionSource<SubmissionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The comment writer has stopped.");
        }

        // Not cancelled with the request: once queued the comment is stored, and the outcome is only not awaited.
        return pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteBatchAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            queue.Writer.TryComplete();
            var stopped = new InvalidOperationException("The comment writer has stopped.");
            while (queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(stopped);
            }
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var outcomes = await CommentBatch.StoreAsync(db, batch.Select(p => p.Write).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(outcomes[i]);
            }
        }
        catch (DbUpdateException ex)
        {
            // A unique key said no for one of them (a race with another node): store them one by one,
            // so only the one concerned gets the earlier comment or "challenge already spent"
            // (and a real failure still reaches its request).
            logger.LogInformation(ex, "A batch of {Count} comments was refused; storing them one by one.", batch.Count);
            foreach (var pending in batch)
            {
                pending.Write.Comment.Id = 0;
                await WriteAloneAsync(pending);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A batch of {Count} comments could not be stored.", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private async Task WriteAloneAsync(PendingWrite pending)
    {
        try
        {
            using var scope = scopes.CreateScope();
            pending.Done.TrySetResult(await CommentBatch.StoreOneAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), pending.Write));
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private sealed record PendingWrite(CommentWrite Write, TaskCompletionSource<SubmissionOutcome> Done);
}

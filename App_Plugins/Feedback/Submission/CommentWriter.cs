using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Surveys;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// The node's one writer of comments (group commit). Requests put their comment on a channel and
/// wait; the writer takes everything waiting (up to <see cref="MaxBatch"/>) and stores it in one
/// transaction, then answers each request. A resident is answered only after their batch committed,
/// so nothing answered is ever lost, and SQLite's single write lock is taken once per batch instead
/// of once per comment by every request at the same time. Survey answer sets take the same road
/// (<see cref="WriteSurveyAsync"/>): they share the lock and the 受付番号 counters with comments.
/// </summary>
public sealed class CommentWriter(IServiceScopeFactory scopes, ILogger<CommentWriter> logger) : BackgroundService
{
    /// <summary>Large enough to absorb a burst, small enough to keep each commit short.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the comment with the next batch; completes once that batch is durable.</summary>
    public Task<SubmissionOutcome> WriteAsync(CommentWrite write, CancellationToken ct = default) =>
        Enqueue(new PendingWrite(write, NewCompletion<SubmissionOutcome>()), ct);

    /// <summary>Stores the survey answer set (and its free-text comments) with the next batch; completes once that batch is durable.</summary>
    public Task<SurveyOutcome> WriteSurveyAsync(SurveyWrite write, CancellationToken ct = default) =>
        Enqueue(new PendingSurvey(write, NewCompletion<SurveyOutcome>()), ct);

    private static TaskCompletionSource<T> NewCompletion<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task<T> Enqueue<T>(Pending<T> pending, CancellationToken ct)
    {
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The comment writer has stopped.");
        }

        // Not cancelled with the request: once queued the write is stored, and the outcome is only not awaited.
        return pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                // Each kind commits in its own transaction; both take the database's write lock once per batch.
                if (batch.OfType<PendingWrite>().ToList() is { Count: > 0 } comments)
                {
                    await WriteBatchAsync(comments);
                }

                if (batch.OfType<PendingSurvey>().ToList() is { Count: > 0 } surveys)
                {
                    await WriteSurveyBatchAsync(surveys);
                }

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
                left.Fail(stopped);
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

    private async Task WriteSurveyBatchAsync(List<PendingSurvey> batch)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var outcomes = await SurveyBatch.StoreAsync(db, batch.Select(p => p.Write).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(outcomes[i]);
            }
        }
        catch (DbUpdateException ex)
        {
            // As for comments: a unique key (same form on another node, spent challenge) refused one of them.
            logger.LogInformation(ex, "A batch of {Count} survey answer sets was refused; storing them one by one.", batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    pending.Done.TrySetResult(await SurveyBatch.StoreOneAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), pending.Write));
                }
                catch (Exception one)
                {
                    pending.Done.TrySetException(one);
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A batch of {Count} survey answer sets could not be stored.", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private abstract record Pending
    {
        public abstract void Fail(Exception ex);
    }

    private abstract record Pending<T>(TaskCompletionSource<T> Done) : Pending
    {
        public override void Fail(Exception ex) => Done.TrySetException(ex);
    }

    private sealed record PendingWrite(CommentWrite Write, TaskCompletionSource<SubmissionOutcome> Done) : Pending<SubmissionOutcome>(Done);

    private sealed record PendingSurvey(SurveyWrite Write, TaskCompletionSource<SurveyOutcome> Done) : Pending<SurveyOutcome>(Done);
}

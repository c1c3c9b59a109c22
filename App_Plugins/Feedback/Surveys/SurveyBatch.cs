using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>An answer set to store, with its free-text answers as inbox comments and the single-use keys that commit with it.</summary>
/// <param name="FreeText">Comments (unnumbered) for the free-text answers; linked to the set when stored.</param>
/// <param name="Spend">The proof-of-work challenge this answer set spends, if any.</param>
public sealed record SurveyWrite(SurveyAnswerSet Set, IReadOnlyList<Comment> FreeText, SingleUseKey? Spend = null);

public abstract record SurveyOutcome
{
    /// <summary>Committed now, or earlier by a double submit of the same form.</summary>
    public sealed record Stored(long AnswerSetId) : SurveyOutcome;

    public sealed record ChallengeReplayed : SurveyOutcome;
}

/// <summary>
/// How answer sets enter the database: a batch in one transaction, their free-text answers numbered
/// as comments from the same fiscal-year counters (locked first, as <see cref="CommentBatch"/> does),
/// a repeated form (same submission id) answered with the set stored for it.
/// </summary>
public static class SurveyBatch
{
    public static async Task<SurveyOutcome[]> StoreAsync(FeedbackDbContext db, IReadOnlyList<SurveyWrite> writes, CancellationToken ct = default)
    {
        var outcomes = new SurveyOutcome?[writes.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lastNumbers = await CommentBatch.LockCountersAsync(db, writes.SelectMany(w => w.FreeText), ct);

        var submissionIds = writes.Select(w => w.Set.SubmissionId).OfType<string>().Distinct().ToList();
        var earlier = submissionIds.Count == 0
            ? []
            : await db.SurveyAnswerSets.AsNoTracking().Where(s => submissionIds.Contains(s.SubmissionId!))
                .ToDictionaryAsync(s => s.SubmissionId!, s => s.Id, ct);
        var spent = await CommentBatch.SpentAmongAsync(db, writes.Select(w => w.Spend), ct);

        var firstOfSubmission = new Dictionary<string, int>();
        var fresh = new List<int>();
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.Set.SubmissionId is { } id)
            {
                if (earlier.TryGetValue(id, out var storedId))
                {
                    outcomes[i] = new SurveyOutcome.Stored(storedId);
                    continue;
                }

                if (!firstOfSubmission.TryAdd(id, i))
                {
                    continue;
                }
            }

            if (write.Spend is { } spend && !spent.Add(spend.ChallengeId))
            {
                outcomes[i] = new SurveyOutcome.ChallengeReplayed();
                continue;
            }

            fresh.Add(i);
        }

        if (fresh.Count > 0)
        {
            var sets = fresh.Select(i => writes[i].Set).ToList();
            await RowInserter.InsertAsync(db, sets, ct, insertedSeparately: nameof(SurveyAnswerSet.Answers));
            foreach (var set in sets)
            {
                set.Answers.ForEach(answer => answer.AnswerSetId = set.Id);
            }

            await RowInserter.InsertAsync(db, [.. sets.SelectMany(s => s.Answers)], ct);
            await CommentBatch.InsertSpentAsync(db, fresh.Select(i => writes[i].Spend), ct);

            var comments = fresh.SelectMany(i => writes[i].FreeText.Select(comment =>
            {
                comment.SurveyAnswerSetId = writes[i].Set.Id;
                return comment;
            })).ToList();
            if (comments.Count > 0)
            {
                await CommentBatch.InsertNumberedAsync(db, comments, lastNumbers, ct);
                await CommentBatch.SaveCountersAsync(db, lastNumbers, ct);
            }
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var i in fresh)
        {
            outcomes[i] = new SurveyOutcome.Stored(writes[i].Set.Id);
        }

        for (var i = 0; i < writes.Count; i++)
        {
            outcomes[i] ??= outcomes[firstOfSubmission[writes[i].Set.SubmissionId!]];
        }

        return outcomes!;
    }

    /// <summary>One write alone; a unique key that says no (a race with another node) becomes the outcome it stands for.</summary>
    public static async Task<SurveyOutcome> StoreOneAsync(FeedbackDbContext db, SurveyWrite write, CancellationToken ct = default)
    {
        try
        {
            return (await StoreAsync(db, [write], ct))[0];
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (write.Set.SubmissionId is { } id
                && await db.SurveyAnswerSets.AsNoTracking().Where(s => s.SubmissionId == id).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct) is { } earlier)
            {
                return new SurveyOutcome.Stored(earlier);
            }

            if (write.Spend is { } spend && await db.SpentChallenges.AnyAsync(s => s.ChallengeId == spend.ChallengeId, ct))
            {
                return new SurveyOutcome.ChallengeReplayed();
            }

            throw;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>A comment to store, with the single-use keys that must commit with it.</summary>
/// <param name="SubmissionId">The form ticket's id (one comment per form); null for comments staff type in.</param>
/// <param name="Spend">The proof-of-work challenge this comment spends, if any.</param>
public sealed record CommentWrite(Comment Comment, string? SubmissionId = null, SingleUseKey? Spend = null);

/// <summary>
/// How every comment enters the database, whatever its channel: a batch of comments in one
/// transaction, numbered from the fiscal year's <see cref="ReceiptCounter"/>. The counter row is
/// locked first, so batches from other nodes wait for this one and then see its rows; the
/// duplicate checks (same form ticket, spent challenge) run after the lock. A rollback gives the
/// numbers back, so 受付番号 have no gaps on SQLite and PostgreSQL alike.
/// </summary>
public static class CommentBatch
{
    /// <summary>
    /// Stores the writes that are new and returns one outcome per write, in order: the comment
    /// stored now or earlier (same form ticket), or <see cref="SubmissionOutcome.ChallengeReplayed"/>.
    /// On failure nothing is stored and the exception reaches the caller with the transaction rolled back.
    /// </summary>
    public static async Task<SubmissionOutcome[]> StoreAsync(FeedbackDbContext db, IReadOnlyList<CommentWrite> writes, CancellationToken ct = default)
    {
        var outcomes = new SubmissionOutcome?[writes.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var lastNumbers = await LockCountersAsync(db, writes.Select(w => w.Comment), ct);

        var submissionIds = writes.Where(w => w.SubmissionId is not null).Select(w => w.SubmissionId!).Distinct().ToList();
        var earlier = submissionIds.Count == 0
            ? []
            : await (
                    from token in db.SubmissionTokens.AsNoTracking()
                    join comment in db.Comments.AsNoTracking() on token.CommentId equals comment.Id
                    where submissionIds.Contains(token.Token)
                    select new { token.Token, comment.ReceiptNumber, comment.ConsultationId, comment.GoalDocumentId })
                .ToDictionaryAsync(f => f.Token, f => new SubmissionOutcome.Stored(f.ReceiptNumber, f.ConsultationId, f.GoalDocumentId), ct);
        var spentChallenges = await SpentAmongAsync(db, writes.Select(w => w.Spend), ct);

        // Decide each write: an earlier commit of the same form, a repeat inside this batch, a spent challenge, or new.
        var firstOfSubmission = new Dictionary<string, int>();
        var fresh = new List<int>();
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.SubmissionId is { } id)
            {
                if (earlier.TryGetValue(id, out var stored))
                {
                    outcomes[i] = stored;
                    continue;
                }

                if (firstOfSubmission.ContainsKey(id))
                {
                    continue;
                }
            }

            if (write.Spend is { } spend && !spentChallenges.Add(spend.ChallengeId))
            {
                outcomes[i] = new SubmissionOutcome.ChallengeReplayed();
                continue;
            }

            if (write.SubmissionId is { } newId)
            {
                firstOfSubmission[newId] = i;
            }

            fresh.Add(i);
        }

        if (fresh.Count > 0)
        {
            var comments = fresh.Select(i => writes[i].Comment).ToList();
            await InsertNumberedAsync(db, comments, lastNumbers, ct);
            await RowInserter.InsertAsync(
                db,
                [.. fresh.Where(i => writes[i].SubmissionId is not null)
                    .Select(i => new SubmissionToken { Token = writes[i].SubmissionId!, CommentId = writes[i].Comment.Id, CreatedUtc = writes[i].Comment.CreatedUtc })],
                ct);
            await InsertSpentAsync(db, fresh.Select(i => writes[i].Spend), ct);
            await SaveCountersAsync(db, lastNumbers, ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();

        foreach (var i in fresh)
        {
            var comment = writes[i].Comment;
            outcomes[i] = new SubmissionOutcome.Stored(comment.ReceiptNumber, comment.ConsultationId, comment.GoalDocumentId);
        }

        for (var i = 0; i < writes.Count; i++)
        {
            outcomes[i] ??= outcomes[firstOfSubmission[writes[i].SubmissionId!]];
        }

        return outcomes!;
    }

    /// <summary>
    /// Stores one comment (staff typing in a letter; test data) through the same numbering. A unique
    /// key losing a race with another node is answered like <see cref="StoreAsync"/> answers a repeat.
    /// </summary>
    public static async Task<SubmissionOutcome> InsertNumberedAsync(this FeedbackDbContext db, Comment comment, CancellationToken ct = default) =>
        await StoreOneAsync(db, new CommentWrite(comment), ct);

    /// <summary>One write alone; a unique key that says no (a race with another node) becomes the outcome it stands for.</summary>
    public static async Task<SubmissionOutcome> StoreOneAsync(FeedbackDbContext db, CommentWrite write, CancellationToken ct = default)
    {
        try
        {
            return (await StoreAsync(db, [write], ct))[0];
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (write.SubmissionId is { } id && await FindAsync(db, id, ct) is { } earlier)
            {
                return earlier;
            }

            if (write.Spend is { } spend && await db.SpentChallenges.AnyAsync(s => s.ChallengeId == spend.ChallengeId, ct))
            {
                return new SubmissionOutcome.ChallengeReplayed();
            }

            throw;
        }
    }

    /// <summary>The comment already stored for this form ticket, if any.</summary>
    public static async Task<SubmissionOutcome.Stored?> FindAsync(FeedbackDbContext db, string submissionId, CancellationToken ct = default)
    {
        var found = await (
                from token in db.SubmissionTokens.AsNoTracking()
                join comment in db.Comments.AsNoTracking() on token.CommentId equals comment.Id
                where token.Token == submissionId
                select new { comment.ReceiptNumber, comment.ConsultationId, comment.GoalDocumentId })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new SubmissionOutcome.Stored(found.ReceiptNumber, found.ConsultationId, found.GoalDocumentId);
    }

    /// <summary>
    /// Locks the counter row of every fiscal year the comments fall in (in year order, so two
    /// batches never wait on each other crosswise) and returns each year's last number. Call first
    /// in the transaction, before any duplicate check.
    /// </summary>
    internal static async Task<SortedDictionary<int, int>> LockCountersAsync(FeedbackDbContext db, IEnumerable<Comment> comments, CancellationToken ct)
    {
        var lastNumbers = new SortedDictionary<int, int>();
        foreach (var year in comments.Select(c => ReceiptNumbers.ReiwaFiscalYear(c.CreatedUtc)).Distinct().Order())
        {
            lastNumbers[year] = await LockCounterAsync(db, year, ct);
        }

        return lastNumbers;
    }

    /// <summary>Which of these proof-of-work challenges were already spent (read after the counter lock).</summary>
    internal static async Task<HashSet<string>> SpentAmongAsync(FeedbackDbContext db, IEnumerable<SingleUseKey?> keys, CancellationToken ct)
    {
        var ids = keys.OfType<SingleUseKey>().Select(k => k.ChallengeId).Distinct().ToList();
        return ids.Count == 0
            ? []
            : (await db.SpentChallenges.AsNoTracking().Where(s => ids.Contains(s.ChallengeId)).Select(s => s.ChallengeId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Gives each comment the next 受付番号 of its fiscal year and inserts it with its notes (a letter keyed in with a note).</summary>
    internal static async Task InsertNumberedAsync(FeedbackDbContext db, List<Comment> comments, SortedDictionary<int, int> lastNumbers, CancellationToken ct)
    {
        foreach (var comment in comments)
        {
            var year = ReceiptNumbers.ReiwaFiscalYear(comment.CreatedUtc);
            comment.ReceiptNumber = ReceiptNumbers.For(++lastNumbers[year], comment.CreatedUtc);
        }

        await RowInserter.InsertAsync(db, comments, ct, insertedSeparately: nameof(Comment.Notes));
        foreach (var comment in comments)
        {
            comment.Notes.ForEach(note => note.CommentId = comment.Id);
        }

        await RowInserter.InsertAsync(db, [.. comments.SelectMany(c => c.Notes)], ct);
    }

    /// <summary>Marks the proof-of-work challenges these writes spend, so each is accepted once.</summary>
    internal static Task InsertSpentAsync(FeedbackDbContext db, IEnumerable<SingleUseKey?> spends, CancellationToken ct) =>
        RowInserter.InsertAsync(db, [.. spends.OfType<SingleUseKey>().Select(s => new SpentChallenge { ChallengeId = s.ChallengeId, ExpiresUtc = s.ExpiresUtc })], ct);

    /// <summary>Moves the locked counters to the last numbers given out, inside the same transaction.</summary>
    internal static async Task SaveCountersAsync(FeedbackDbContext db, SortedDictionary<int, int> lastNumbers, CancellationToken ct)
    {
        foreach (var (year, last) in lastNumbers)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "FeedbackReceiptCounters" SET "LastNumber" = {last} WHERE "FiscalYear" = {year}""", ct);
        }
    }

    /// <summary>
    /// Locks the fiscal year's counter row (a no-op update) and returns its last number. A new year's
    /// row starts after the comments numbered before the counter existed (their numbers were their ids).
    /// </summary>
    private static async Task<int> LockCounterAsync(FeedbackDbContext db, int year, CancellationToken ct)
    {
        var locked = await LockedLastNumberAsync(db, year, ct);
        if (locked.Count == 1)
        {
            return locked[0];
        }

        var prefix = $"R{year}-%";
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "FeedbackReceiptCounters" ("FiscalYear", "LastNumber")
            VALUES ({year}, CAST(COALESCE((SELECT MAX("Id") FROM "FeedbackComments" WHERE "ReceiptNumber" LIKE {prefix}), 0) AS INTEGER))
            ON CONFLICT ("FiscalYear") DO NOTHING
            """,
            ct);
        return (await LockedLastNumberAsync(db, year, ct)).Single();
    }

    private static Task<List<int>> LockedLastNumberAsync(FeedbackDbContext db, int year, CancellationToken ct) =>
        db.Database.SqlQuery<int>(
                $"""UPDATE "FeedbackReceiptCounters" SET "LastNumber" = "LastNumber" WHERE "FiscalYear" = {year} RETURNING "LastNumber" AS "Value" """)
            .ToListAsync(ct);
}

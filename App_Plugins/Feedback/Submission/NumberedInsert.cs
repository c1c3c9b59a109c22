using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// How every comment enters the database, whatever its channel (the web form or staff typing in a
/// letter): inserted under a <see cref="ReceiptNumbers.Pending"/> placeholder, then given its
/// 受付番号 from the new id, in one transaction. The id makes the number unique on every node
/// without a counter, so web and paper comments share one sequence and one format.
/// </summary>
public static class NumberedInsert
{
    /// <summary>
    /// Stores <paramref name="comment"/> and sets its <see cref="Comment.ReceiptNumber"/> from its id
    /// and <see cref="Comment.CreatedUtc"/>. <paramref name="alongside"/> may add rows that need the
    /// comment's id; they commit with it or not at all. On failure nothing is stored and the
    /// exception (e.g. a <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/> from a unique
    /// key) reaches the caller with the transaction already rolled back.
    /// </summary>
    public static async Task InsertNumberedAsync(this FeedbackDbContext db, Comment comment, Action<Comment>? alongside = null, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        comment.ReceiptNumber = ReceiptNumbers.Pending();
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);

        comment.ReceiptNumber = ReceiptNumbers.For(comment.Id, comment.CreatedUtc);
        alongside?.Invoke(comment);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}

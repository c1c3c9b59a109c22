using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>
/// 受付番号 "R{令和の年}-{6桁の連番}", e.g. R8-000012: one sequence per Japanese calendar year
/// (Asia/Tokyo) shared by every channel, so a letter typed in by staff is numbered exactly like
/// a web comment. The sequence runs across consultations because FeedbackComments.ReceiptNumber
/// is unique; a per-consultation sequence in this format would collide.
/// </summary>
/// <remarks>
/// MERGE NOTE: the resident side (feature/feedback-public) numbers web comments too. Only one
/// generator should survive the merge (Submission/ReceiptNumbers.cs if it exists there); both
/// must keep this format and the single shared sequence.
/// </remarks>
public sealed class ReceiptNumbers(FeedbackDbContext db)
{
    /// <summary>令和1年 = 2019.</summary>
    public static int ReiwaYear(DateTime utc) => TokyoTime.ToTokyo(utc).Year - 2018;

    public static string PrefixFor(DateTime utc) => $"R{ReiwaYear(utc)}-";

    public static string Format(DateTime utc, int sequence) => $"{PrefixFor(utc)}{sequence:D6}";

    /// <summary>
    /// The next free number for the year of <paramref name="nowUtc"/>. Two writers can read the
    /// same maximum; the unique index then refuses the second insert and the caller retries.
    /// </summary>
    public async Task<string> NextAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var prefix = PrefixFor(nowUtc);
        // Zero-padded, so the greatest string is the greatest number.
        var last = await db.Comments.AsNoTracking()
            .Where(c => c.ReceiptNumber.StartsWith(prefix))
            .OrderByDescending(c => c.ReceiptNumber)
            .Select(c => c.ReceiptNumber)
            .FirstOrDefaultAsync(ct);
        var sequence = last is not null && int.TryParse(last.AsSpan(prefix.Length), out var n) ? n + 1 : 1;
        return Format(nowUtc, sequence);
    }
}

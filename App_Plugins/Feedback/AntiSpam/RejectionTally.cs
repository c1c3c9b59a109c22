using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// Rejected submissions per minute (honeypot, time trap, failed checks, rate limit), counted in
/// the database so every node sees the same rate; Auto mode switches the proof-of-work on from it.
/// </summary>
public sealed class RejectionTally(FeedbackDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minute = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);

        // One atomic upsert: concurrent nodes add to the same row instead of racing on insert.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "FeedbackRejectionCounters" ("MinuteUtc", "Count") VALUES ({minute}, 1)
            ON CONFLICT ("MinuteUtc") DO UPDATE SET "Count" = "FeedbackRejectionCounters"."Count" + 1
            """,
            ct);
    }

    public async Task<int> CountSinceAsync(TimeSpan window, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - window;
        since = new DateTime(since.Year, since.Month, since.Day, since.Hour, since.Minute, 0, DateTimeKind.Utc);
        return await db.RejectionCounters.Where(r => r.MinuteUtc >= since).SumAsync(r => r.Count, ct);
    }
}

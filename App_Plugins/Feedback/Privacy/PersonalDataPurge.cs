using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Feedback.Privacy;

/// <summary>
/// Removes residents' contact data (nickname, reply e-mail, client hash) once a consultation has
/// been closed for its retention period. The comment text, 分野, 年代 and 住まい stay: they are what
/// the consultation is for and no longer point at a person.
/// </summary>
public sealed class PersonalDataPurge(FeedbackDbContext db, TimeProvider clock)
{
    /// <summary>Purges every comment that is due; returns how many comments were changed.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = await db.Consultations.AsNoTracking()
            .Where(c => c.ClosesUtc != null)
            .Select(c => new { c.Id, ClosesUtc = c.ClosesUtc!.Value, c.PersonalDataRetentionDays })
            .ToListAsync(ct);

        var purged = 0;
        foreach (var consultation in closed.Where(c => c.ClosesUtc.AddDays(c.PersonalDataRetentionDays) <= now))
        {
            purged += await db.Comments
                .Where(c => c.ConsultationId == consultation.Id && c.PersonalDataPurgedUtc == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Nickname, (string?)null)
                        .SetProperty(c => c.ReplyEmailProtected, (string?)null)
                        .SetProperty(c => c.ClientHash, (string?)null)
                        .SetProperty(c => c.PersonalDataPurgedUtc, now),
                    ct);
        }

        return purged;
    }
}

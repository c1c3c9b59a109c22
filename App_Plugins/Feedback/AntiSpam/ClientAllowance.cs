using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Privacy;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>Whether a client has used up its comments without the proof-of-work (see <see cref="ClientAllowanceOptions"/>).</summary>
public sealed class ClientAllowance(FeedbackDbContext db, ClientHasher hasher, TimeProvider clock, IOptions<AntiSpamOptions> options)
{
    public async Task<bool> IsUsedUpAsync(IPAddress? client, CancellationToken ct = default)
    {
        var allowance = options.Value.ClientAllowance;
        var hash = hasher.Hash(client);
        if (hash is null)
        {
            return false;
        }

        var since = clock.GetUtcNow().UtcDateTime.AddMinutes(-Math.Max(1, allowance.WindowMinutes));
        var sent = await db.Comments.CountAsync(c => c.ClientHash == hash && c.ReceivedUtc >= since, ct);
        return sent >= Math.Max(0, allowance.Comments);
    }
}

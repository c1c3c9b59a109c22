using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Redirects;

/// <summary>
/// Records that a public path moved. Queues the changes on the caller's unit of work, so the
/// redirect commits together with the slug change that caused it.
/// </summary>
public static class RedirectRecorder
{
    /// <summary>
    /// <paramref name="fromPath"/> now lives at <paramref name="toPath"/>. Chains collapse: when A→B
    /// exists and B moves to C, A is pointed at C directly, so a reader takes one hop, never two.
    /// </summary>
    public static async Task RecordMoveAsync(PortalDbContext db, string fromPath, string toPath, string user, DateTime utc, CancellationToken ct = default)
    {
        if (fromPath == toPath)
        {
            return;
        }

        // The new path is live content again: a redirect away from it would be dead, and
        // pointing older redirects at it would make them loop back onto themselves.
        foreach (var shadowed in await db.Redirects.Where(r => r.FromPath == toPath || r.FromPath == fromPath).ToListAsync(ct))
        {
            db.Redirects.Remove(shadowed);
        }

        foreach (var pointingHere in await db.Redirects.Where(r => r.ToPath == fromPath && r.FromPath != toPath).ToListAsync(ct))
        {
            pointingHere.ToPath = toPath;
        }

        db.Redirects.Add(new Redirect { FromPath = fromPath, ToPath = toPath, CreatedUtc = utc, CreatedBy = user });
    }
}

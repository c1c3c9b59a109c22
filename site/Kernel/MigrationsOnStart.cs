using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace UedaPublicGoals.Kernel;

/// <summary>The one way the host and the feedback module bring their tables up to date at start.</summary>
public static class MigrationsOnStart
{
    /// <summary>
    /// Applies the migrations the database lacks, and does nothing more when it lacks none: a restart reads the
    /// history table once. MigrateAsync alone would on every start also build the design-time model, compare it
    /// with the migrations' snapshot and take EF's migration lock (a third of a test portal's start-up CPU for the
    /// two contexts); that model comparison is what the migrations tests check instead (PendingModelChangesTests).
    /// </summary>
    /// <returns>The number of migrations applied.</returns>
    public static async Task<int> MigrateWhenBehindAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        var pending = (await database.GetPendingMigrationsAsync(ct)).Count();
        if (pending > 0)
        {
            await database.MigrateAsync(ct);
        }

        return pending;
    }
}

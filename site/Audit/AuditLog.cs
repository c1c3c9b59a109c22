using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Audit;

/// <summary>
/// Writes the append-only audit log for every feature (content, structure, accounts, the feedback module).
/// <see cref="Add"/> queues an entry on the caller's unit of work, so it commits with the change it records.
/// </summary>
public sealed class AuditLog(PortalDbContext db, IHttpContextAccessor http, TimeProvider clock, AuditClientHasher hasher)
{
    public async Task WriteAsync(string action, string? target, string? detail, string? actor = null, CancellationToken ct = default)
    {
        Add(action, target, detail, actor);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Queues an entry to commit with the caller's own SaveChanges.</summary>
    public void Add(string action, string? target, string? detail, string? actor = null)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            Utc = clock.GetUtcNow().UtcDateTime,
            Actor = actor ?? context?.User.Identity?.Name ?? "system",
            Action = action,
            Target = target,
            Detail = detail,
            ClientHash = context?.Connection.RemoteIpAddress is { } ip ? hasher.Hash(ip.ToString()) : null,
        });
    }
}

/// <summary>Salted hash of client addresses: enough to see one client's repeated failures, not who it is.</summary>
public sealed class AuditClientHasher(IOptions<AuditOptions> options)
{
    // Without a configured salt, a random one per process: hashes then only compare within this
    // process, but nobody can recompute them from a guessable machine name.
    private readonly byte[] salt = options.Value.ClientHashSalt is { Length: > 0 } configured
        ? Encoding.UTF8.GetBytes(configured)
        : RandomNumberGenerator.GetBytes(32);

    public string Hash(string value) => Convert.ToHexString(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(value)))[..32];
}

/// <summary>The audit log is append-only: any attempt to change or delete an entry fails the whole save.</summary>
public sealed class AppendOnlyAuditInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted) == true)
        {
            throw new InvalidOperationException("The audit log is append-only: entries cannot be changed or deleted.");
        }
    }
}

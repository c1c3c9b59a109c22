using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Accounts.Throttling;

/// <summary>What to do with a credential check before it runs.</summary>
public sealed record ThrottleDecision(TimeSpan Delay, TimeSpan? RetryAfter)
{
    public bool Refused => RetryAfter is not null;

    /// <summary>
    /// The rule, apart from storage: more failures than <see cref="LoginThrottlingOptions.FreeFailures"/>
    /// by address or by account wait BaseDelay × 2^(n−1) (capped); an address at its limit is refused
    /// until its oldest counted failure leaves the window.
    /// </summary>
    public static ThrottleDecision For(int addressFailures, int accountFailures, TimeSpan sinceOldestAddressFailure, LoginThrottlingOptions options)
    {
        if (addressFailures >= options.AddressLimit)
        {
            var retry = options.Window - sinceOldestAddressFailure;
            return new ThrottleDecision(TimeSpan.Zero, retry < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retry);
        }

        var excess = Math.Max(addressFailures, accountFailures) - options.FreeFailures;
        if (excess <= 0)
        {
            return new ThrottleDecision(TimeSpan.Zero, null);
        }

        var delay = options.BaseDelay * Math.Pow(2, Math.Min(excess - 1, 20));
        return new ThrottleDecision(delay > options.MaxDelay ? options.MaxDelay : delay, null);
    }
}

/// <summary>
/// Login throttling per client address and per account, counted in the database (shared by
/// every node). Used by the password login, the two-factor step (authenticator and recovery
/// codes) and every place that asks a signed-in user for their current password.
/// </summary>
public sealed class LoginThrottle(PortalDbContext db, AuditClientHasher hasher, TimeProvider clock, IOptions<LoginThrottlingOptions> options)
{
    /// <summary>Counts recent failures; waits the progressive delay unless the address is refused.</summary>
    public async Task<ThrottleDecision> CheckAsync(IPAddress? client, string account, CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - settings.Window;
        var addressKey = AddressKey(client);
        var accountKey = AccountKey(account);
        var addressFailures = await db.LoginFailures.Where(f => f.Key == addressKey && f.AtUtc > since).Select(f => f.AtUtc).ToListAsync(ct);
        var accountFailures = await db.LoginFailures.CountAsync(f => f.Key == accountKey && f.AtUtc > since, ct);
        var oldest = addressFailures.Count == 0 ? now : addressFailures.Min();
        var decision = ThrottleDecision.For(addressFailures.Count, accountFailures, now - oldest, settings);
        if (!decision.Refused && decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, clock, ct);
        }

        return decision;
    }

    public async Task RecordFailureAsync(IPAddress? client, string account, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var addressKey = AddressKey(client);
        var accountKey = AccountKey(account);

        // Failures older than the window never count again.
        var expired = now - options.Value.Window;
        await db.LoginFailures.Where(f => (f.Key == addressKey || f.Key == accountKey) && f.AtUtc <= expired).ExecuteDeleteAsync(ct);
        db.LoginFailures.AddRange(new LoginFailure { Key = addressKey, AtUtc = now }, new LoginFailure { Key = accountKey, AtUtc = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>After a successful sign-in (or an administrator's unlock) the account starts afresh; the address does not.</summary>
    public Task ForgetAccountAsync(string account, CancellationToken ct = default)
    {
        var accountKey = AccountKey(account);
        return db.LoginFailures.Where(f => f.Key == accountKey).ExecuteDeleteAsync(ct);
    }

    private string AddressKey(IPAddress? client) => "a" + hasher.Hash("login-address:" + ClientAddress.Key(client));

    private string AccountKey(string account) => "u" + hasher.Hash("login-account:" + account.Trim().ToUpperInvariant());
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Accounts.Sessions;

/// <summary>
/// Server-side sessions of backoffice staff. Every request checks its session row (see
/// <see cref="ValidateAsync"/>), so logout, a password or two-factor change, disabling an
/// account and 「ログインを終了」 end a session for every copy of its cookie at once, and no
/// session outlives <see cref="StaffSessionOptions.AbsoluteLifetime"/>.
/// </summary>
public sealed class StaffSessions(PortalDbContext db, TimeProvider clock, IOptions<StaffSessionOptions> options)
{
    /// <summary>The claim in the auth cookie that names the session row.</summary>
    public const string ClaimType = "backoffice:session";

    /// <summary>Starts a session; replacing one (a renewed sign-in) keeps its absolute end.</summary>
    public async Task<string> StartAsync(string userId, string? replacing, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? keptEnd = null;
        if (replacing is not null)
        {
            keptEnd = await db.StaffSessions.Where(s => s.Id == replacing && s.UserId == userId).Select(s => (DateTime?)s.ExpiresUtc).SingleOrDefaultAsync(ct);
            await EndAsync(replacing, ct);
        }

        // Expired rows of this user are dead anyway; removing them here keeps the table small without a sweeper.
        await db.StaffSessions.Where(s => s.UserId == userId && s.ExpiresUtc <= now).ExecuteDeleteAsync(ct);

        var session = new StaffSession
        {
            Id = Base64Url(RandomNumberGenerator.GetBytes(32)),
            UserId = userId,
            CreatedUtc = now,
            ExpiresUtc = keptEnd ?? now + options.Value.AbsoluteLifetime,
        };
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(ct);
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    public async Task<bool> IsActiveAsync(string sessionId, string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.StaffSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.ExpiresUtc > now, ct);
    }

    public Task EndAsync(string sessionId, CancellationToken ct = default) =>
        db.StaffSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);

    /// <summary>Ends every session of the user (all browsers, every copy of their cookies), except <paramref name="keep"/> when given.</summary>
    public Task EndAllAsync(string userId, string? keep = null, CancellationToken ct = default)
    {
        var sessions = db.StaffSessions.Where(s => s.UserId == userId);
        return (keep is null ? sessions : sessions.Where(s => s.Id != keep)).ExecuteDeleteAsync(ct);
    }

    public static string? SessionId(ClaimsPrincipal? principal) => principal?.FindFirst(ClaimType)?.Value;

    /// <summary>
    /// Cookie validation on every request: a cookie whose session row is gone or past its
    /// absolute end is rejected and removed, then Identity's security-stamp check runs.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var sessionId = SessionId(context.Principal);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffSessions>();
        if (userId is null || sessionId is null || !await sessions.IsActiveAsync(sessionId, userId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Identity rebuilds the principal when it re-checks the security stamp: keep the session claim.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ClaimType, claim.Value));
        }

        return Task.CompletedTask;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

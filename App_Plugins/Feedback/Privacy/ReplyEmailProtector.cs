using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Privacy;

/// <summary>
/// The reply e-mail is encrypted at rest with ASP.NET Core Data Protection (purpose
/// "Feedback.ReplyEmail"; the key ring is kept in the database by the host, so every node can read it).
/// </summary>
public sealed class ReplyEmailProtector(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "Feedback.ReplyEmail";

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    public string Protect(string email) => protector.Protect(email);

    /// <summary>The address, or null when there is none or it can no longer be decrypted (key ring lost).</summary>
    public string? Unprotect(string? protectedEmail)
    {
        if (string.IsNullOrEmpty(protectedEmail))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedEmail);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// For the inbox: shows a comment's reply e-mail only to 総合計画担当 and 管理者 (policy
/// <see cref="FeedbackPolicies.Inbox"/>), and writes each look into the audit log.
/// </summary>
public sealed class ReplyEmailReader(ReplyEmailProtector protector, IAuthorizationService authorization, IFeedbackAudit audit)
{
    public const string AuditAction = "feedback.reply-email.view";

    /// <summary>The decrypted address; null when the comment has none (or it was purged).</summary>
    /// <exception cref="UnauthorizedAccessException">The user may not see residents' contact data.</exception>
    public async Task<string?> RevealAsync(ClaimsPrincipal user, Comment comment, CancellationToken ct = default)
    {
        if (!(await authorization.AuthorizeAsync(user, FeedbackPolicies.Inbox)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only the feedback inbox roles may see a reply e-mail.");
        }

        var email = protector.Unprotect(comment.ReplyEmailProtected);
        if (email is not null)
        {
            await audit.WriteAsync(AuditAction, comment.ReceiptNumber, null, ct);
        }

        return email;
    }
}

using System.Security.Claims;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Privacy;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>What the officer may see of a resident's contact details.</summary>
public sealed record ContactDetails(string? Nickname, string? ReplyEmail, ContactState State);

public enum ContactState
{
    /// <summary>Nothing was given.</summary>
    None,
    Available,
    /// <summary>Removed after the consultation's retention period.</summary>
    Purged,
    /// <summary>Stored, but the key that protected it is gone.</summary>
    Unreadable,
}

/// <summary>
/// The inbox's view of a resident's contact details: the nickname and the reply e-mail, decrypted
/// through <see cref="ReplyEmailProtector"/> (the one place that knows the Data Protection purpose),
/// and only for the two roles allowed to contact residents.
/// </summary>
public sealed class InboxContacts(ReplyEmailProtector replyEmails, IFeedbackAudit audit)
{
    // The host's role keys (BackofficeRoles.PlanningOfficer, BackofficeRoles.Administrator).
    private const string PlanningOfficerRole = "PlanningOfficer";
    private const string AdministratorRole = "Administrator";

    /// <summary>総合計画担当 and 管理者 only, checked here as well as by the inbox policy so a wider policy never leaks contacts.</summary>
    public static bool MayRead(ClaimsPrincipal user) => user.IsInRole(PlanningOfficerRole) || user.IsInRole(AdministratorRole);

    /// <summary>
    /// For one officer looking at one comment (the detail page): the contact details, with an audit
    /// entry whenever an actual address is shown.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The user may not see residents' contact data.</exception>
    public async Task<ContactDetails> RevealAsync(ClaimsPrincipal user, Comment comment, CancellationToken ct = default)
    {
        if (!MayRead(user))
        {
            throw new UnauthorizedAccessException("Only 総合計画担当 and 管理者 may see a resident's contact details.");
        }

        var contact = Read(comment);
        if (contact.ReplyEmail is not null)
        {
            await audit.WriteAsync(InboxAuditActions.ContactView, comment.ReceiptNumber, "返信用メールアドレスを表示", ct);
        }

        return contact;
    }

    /// <summary>
    /// The contact details without an audit entry of their own: for a caller that audits the whole
    /// action once (the export) and has checked <see cref="MayRead"/>.
    /// </summary>
    public ContactDetails Read(Comment comment)
    {
        if (comment.PersonalDataPurgedUtc is not null)
        {
            return new ContactDetails(null, null, ContactState.Purged);
        }

        if (string.IsNullOrEmpty(comment.ReplyEmailProtected))
        {
            return new ContactDetails(comment.Nickname, null, string.IsNullOrEmpty(comment.Nickname) ? ContactState.None : ContactState.Available);
        }

        // Something is stored, so null here means it can no longer be decrypted (key ring lost).
        return replyEmails.Unprotect(comment.ReplyEmailProtected) is { } email
            ? new ContactDetails(comment.Nickname, email, ContactState.Available)
            : new ContactDetails(comment.Nickname, null, ContactState.Unreadable);
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using UedaPublicGoals.Feedback.Model;

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
/// Decrypts the reply e-mail with the same Data Protection purpose the public form protects it
/// with, and only for the two roles allowed to contact residents.
/// </summary>
public sealed class ReplyEmailReader(IDataProtectionProvider dataProtection)
{
    /// <summary>Same purpose string as the public side's protector; changing it makes every stored address unreadable.</summary>
    public const string Purpose = "Feedback.ReplyEmail";

    // The host's role keys (BackofficeRoles.PlanningOfficer, BackofficeRoles.Administrator).
    private const string PlanningOfficerRole = "PlanningOfficer";
    private const string AdministratorRole = "Administrator";

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    /// <summary>総合計画担当 and 管理者 only, checked here as well as by the inbox policy so a wider policy never leaks contacts.</summary>
    public static bool MayRead(ClaimsPrincipal user) => user.IsInRole(PlanningOfficerRole) || user.IsInRole(AdministratorRole);

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

        try
        {
            return new ContactDetails(comment.Nickname, protector.Unprotect(comment.ReplyEmailProtected), ContactState.Available);
        }
        catch (CryptographicException)
        {
            return new ContactDetails(comment.Nickname, null, ContactState.Unreadable);
        }
    }
}

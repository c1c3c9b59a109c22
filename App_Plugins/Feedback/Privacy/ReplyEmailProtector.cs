using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace UedaPublicGoals.Feedback.Privacy;

/// <summary>
/// The reply e-mail is encrypted at rest with ASP.NET Core Data Protection (purpose
/// "Feedback.ReplyEmail"; the key ring is kept in the database by the host, so every node can read it).
/// The only class that knows the purpose: the form protects through it, the inbox's
/// <see cref="Inbox.InboxContacts"/> reads through it.
/// </summary>
public sealed class ReplyEmailProtector(IDataProtectionProvider dataProtection)
{
    /// <summary>Changing it makes every stored address unreadable.</summary>
    private const string Purpose = "Feedback.ReplyEmail";

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

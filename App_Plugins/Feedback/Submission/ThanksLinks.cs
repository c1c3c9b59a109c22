using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// Everything the thanks page shows, carried by the redirect itself: the 受付番号 and check code,
/// the consultation the form belongs to and the one the comment landed in, the goal it was about.
/// The page reads no database, so a comment stored just before the database went away still gets
/// its confirmation.
/// </summary>
public sealed record ThanksTicket(
    string ReceiptNumber,
    string CheckCode,
    string FormSlug,
    string FormTitle,
    string LandedSlug,
    string LandedTitle,
    Guid? GoalDocumentId)
{
    public bool LandedElsewhere => LandedSlug != FormSlug;
}

/// <summary>
/// The thanks page's query value, encrypted and signed with Data Protection (key ring shared by
/// all nodes): it cannot be used to enumerate receipts or read check codes, and looks the same
/// whether the comment was stored or a bot was silently discarded (a never-issued number).
/// </summary>
public sealed class ThanksLinks(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Feedback.Thanks.v2");

    public string Create(ThanksTicket ticket) => protector.Protect(JsonSerializer.Serialize(ticket));

    public ThanksTicket? Read(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 4000)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ThanksTicket>(protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return null;
        }
    }
}

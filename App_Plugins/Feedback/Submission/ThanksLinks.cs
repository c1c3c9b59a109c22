using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>What the thanks page shows: the 受付番号, where the comment landed, the goal it was about.</summary>
public sealed record ThanksTicket(string ReceiptNumber, int LandedConsultationId, Guid? GoalDocumentId);

/// <summary>
/// The thanks page's query value, signed: the page needs no database lookup, cannot be used to
/// enumerate receipts, and looks the same whether the comment was stored or a bot was silently
/// discarded (a fake number that is never stored).
/// </summary>
public sealed class ThanksLinks(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Feedback.Thanks.v1");

    public string Create(ThanksTicket ticket) =>
        protector.Protect(string.Join('|', ticket.ReceiptNumber, ticket.LandedConsultationId.ToString(CultureInfo.InvariantCulture), ticket.GoalDocumentId?.ToString("N") ?? ""));

    public ThanksTicket? Read(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('|');
            if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var consultationId))
            {
                return null;
            }

            return new ThanksTicket(parts[0], consultationId, Guid.TryParseExact(parts[2], "N", out var goal) ? goal : null);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// Issued with each empty form and carried through the confirmation step: the submission id
/// (a double submit with it stores one comment) and the issue time (the time trap). Signed, so
/// neither can be changed by the client.
/// </summary>
public sealed record FormTicket(string SubmissionId, int ConsultationId, DateTime IssuedUtc);

/// <summary>
/// Signs form tickets with ASP.NET Core Data Protection (HMAC-SHA256-authenticated, key ring
/// shared by all nodes through the database): a ticket issued by one node is read by another.
/// </summary>
public sealed class FormTickets(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Feedback.FormTicket.v1");

    // A separate purpose: a survey's ticket is never accepted by the comment form, nor the reverse.
    private readonly IDataProtector surveyProtector = dataProtection.CreateProtector("Feedback.SurveyTicket.v1");

    public string Issue(int consultationId) => Issue(protector, consultationId);

    /// <summary>A ticket for a survey's answer form; <see cref="FormTicket.ConsultationId"/> then holds the survey id.</summary>
    public string IssueForSurvey(int surveyId) => Issue(surveyProtector, surveyId);

    public FormTicket? Read(string? ticket) => Read(protector, ticket);

    public FormTicket? ReadForSurvey(string? ticket) => Read(surveyProtector, ticket);

    private string Issue(IDataProtector protector, int consultationId)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var issued = (long)(clock.GetUtcNow().UtcDateTime - DateTime.UnixEpoch).TotalSeconds;
        return protector.Protect(string.Join('|', id, consultationId.ToString(CultureInfo.InvariantCulture), issued.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The ticket, or null when it was not issued by this site (for this purpose) or was altered.</summary>
    private static FormTicket? Read(IDataProtector protector, string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(ticket).Split('|');
            return parts.Length == 3
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var consultationId)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
                ? new FormTicket(parts[0], consultationId, DateTime.UnixEpoch.AddSeconds(issued))
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

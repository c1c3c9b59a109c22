using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.Notifications;

/// <summary>Bound from "Feedback:Notifications".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Feedback:Notifications";

    /// <summary>Hour of the day (Japan time, 0-23) the daily digest goes out.</summary>
    [Range(0, 23)]
    public int DigestHour { get; set; } = 8;

    /// <summary>Attempts per e-mail before it is left for the next sweep.</summary>
    public int RetryAttempts { get; set; } = 5;

    public double RetryBaseSeconds { get; set; } = 5;

    /// <summary>How often comments whose e-mail never went out (restart, SMTP down) are picked up again.</summary>
    public int SweepMinutes { get; set; } = 15;

    /// <summary>How often comments whose city response was published are looked for, to tell the resident (one e-mail each).</summary>
    public int ResponseMailSeconds { get; set; } = 60;

    /// <summary>Origin for the inbox link in e-mails, e.g. https://goals.example.jp; empty: Site:PublicBaseUrl.</summary>
    [HttpOrigin]
    public string? BackofficeBaseUrl { get; set; }
}

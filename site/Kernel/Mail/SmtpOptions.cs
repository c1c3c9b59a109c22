using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Kernel.Mail;

/// <summary>
/// Bound from "Mail" (environment Mail__Host, Mail__From…): the one SMTP relay the whole portal sends through
/// (staff notices about comments, replies to residents, reminders, approvals, subscriptions).
/// Without Host and From, no e-mail is sent.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>true: STARTTLS is required. false: implicit TLS on port 465, otherwise plain (a relay on the same host only).</summary>
    public bool UseStartTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. "上田市 重点目標ポータル &lt;noreply@example.jp&gt;".</summary>
    public string? From { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}

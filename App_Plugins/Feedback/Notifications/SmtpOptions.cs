using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.Notifications;

/// <summary>Bound from "Feedback:Smtp". Without Host and From, no e-mail is sent (comments stay unnotified).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Feedback:Smtp";

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

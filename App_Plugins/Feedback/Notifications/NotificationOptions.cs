namespace UedaPublicGoals.Feedback.Notifications;

/// <summary>Bound from "Feedback:Smtp". Without Host and From, no e-mail is sent (comments stay unnotified).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Feedback:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>true: STARTTLS is required. false: implicit TLS on port 465, otherwise plain (a relay on the same host only).</summary>
    public bool UseStartTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. "上田市 重点目標ポータル &lt;noreply@example.jp&gt;".</summary>
    public string? From { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Bound from "Feedback:Notifications".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Feedback:Notifications";

    /// <summary>Hour of the day (Japan time, 0-23) the daily digest goes out.</summary>
    public int DigestHour { get; set; } = 8;

    /// <summary>Attempts per e-mail before it is left for the next sweep.</summary>
    public int RetryAttempts { get; set; } = 5;

    public double RetryBaseSeconds { get; set; } = 5;

    /// <summary>How often comments whose e-mail never went out (restart, SMTP down) are picked up again.</summary>
    public int SweepMinutes { get; set; } = 15;

    /// <summary>How often comments whose city response was published are looked for, to tell the resident (one e-mail each).</summary>
    public int ResponseMailSeconds { get; set; } = 60;

    /// <summary>Origin for the inbox link in e-mails, e.g. https://goals.example.jp; empty: Site:PublicBaseUrl.</summary>
    public string? BackofficeBaseUrl { get; set; }
}

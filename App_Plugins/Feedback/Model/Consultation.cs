namespace UedaPublicGoals.Feedback.Model;

/// <summary>A public consultation comments are routed to, e.g. 第三次上田市総合計画への意見.</summary>
public sealed class Consultation
{
    public int Id { get; set; }

    /// <summary>ASCII URL segment: /iken/{slug}/.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Markdown, shown on the form and results pages.</summary>
    public string Description { get; set; } = "";

    /// <summary>分野 residents choose from, one per line in the backoffice.</summary>
    public List<string> Fields { get; set; } = [];

    public DateTime OpensUtc { get; set; }

    /// <summary>Null: open until staff set a closing date.</summary>
    public DateTime? ClosesUtc { get; set; }

    /// <summary>Staff who are notified of new comments (e-mail addresses).</summary>
    public List<string> StaffEmails { get; set; } = [];

    public NotificationMode Notification { get; set; } = NotificationMode.PerComment;

    /// <summary>Listed publicly (form and results pages); false hides it without deleting.</summary>
    public bool IsPublic { get; set; } = true;

    /// <summary>The consultation that catches comments no routing rule matched.</summary>
    public bool IsDefault { get; set; }

    /// <summary>Days after closing when contact data (e-mail, nickname, IP hash) is purged; text is kept.</summary>
    public int PersonalDataRetentionDays { get; set; } = 90;

    public bool IsOpenAt(DateTime utc) => utc >= OpensUtc && (ClosesUtc is null || utc < ClosesUtc);
}

public enum NotificationMode
{
    PerComment = 0,
    DailyDigest = 1,
    None = 2,
}

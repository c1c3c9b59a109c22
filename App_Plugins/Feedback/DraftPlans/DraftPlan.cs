namespace UedaPublicGoals.Feedback.DraftPlans;

/// <summary>
/// A draft document put to public comment, e.g. 第三次上田市総合計画(案), read at /iken/an/{slug}.
/// Its text lives in numbered <see cref="DraftPlanVersion"/>s: once a version is published it never
/// changes, so an edit after publishing starts the next version and the old one stays readable.
/// </summary>
public sealed class DraftPlan
{
    /// <summary>Shorter comment periods are allowed but warned about (行政手続法 asks for 30 days or more).</summary>
    public const int RecommendedPeriodDays = 30;

    public int Id { get; set; }

    /// <summary>The consultation whose comment form takes the comments on its paragraphs.</summary>
    public int ConsultationId { get; set; }

    /// <summary>ASCII URL segment: /iken/an/{slug}.</summary>
    public string Slug { get; set; } = "";

    /// <summary>Start of the comment period (UTC; entered in Japan time).</summary>
    public DateTime OpensUtc { get; set; }

    /// <summary>First moment the period is over (UTC).</summary>
    public DateTime ClosesUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<DraftPlanVersion> Versions { get; set; } = [];

    public bool IsOpenAt(DateTime utc) => utc >= OpensUtc && utc < ClosesUtc;

    public static bool IsShortPeriod(DateTime opensUtc, DateTime closesUtc) => closesUtc - opensUtc < TimeSpan.FromDays(RecommendedPeriodDays);
}

/// <summary>One version of a draft plan's text. Editable until published, then frozen.</summary>
public sealed class DraftPlanVersion
{
    public const int TitleMaxLength = 200;

    public const int BodyMaxLength = 200_000;

    public int Id { get; set; }

    public int DraftPlanId { get; set; }

    /// <summary>第1版, 第2版, … in the order they were started.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Markdown: # chapters, ## sections, and the blocks between them are the numbered paragraphs.</summary>
    public string Body { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Staff e-mail of the last edit.</summary>
    public string EditedBy { get; set; } = "";

    /// <summary>Null while it is still being written.</summary>
    public DateTime? PublishedUtc { get; set; }
}

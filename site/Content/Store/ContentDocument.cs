namespace UedaPublicGoals.Content.Store;

public enum DocumentKind
{
    Goal = 1,
    Page = 2,
}

/// <summary>
/// A goal or a page: the stable identity that versions hang off. The draft and the
/// published version are separate pointers, so saving a draft never changes what the
/// public sees and publishing is a single pointer move.
/// </summary>
public sealed class ContentDocument
{
    public Guid Id { get; set; }

    public DocumentKind Kind { get; set; }

    /// <summary>The fiscal year a goal belongs to; null for pages.</summary>
    public int? FiscalYearId { get; set; }

    /// <summary>Slugs are unique per scope: "page", or "fy:{FiscalYearId}" for goals.</summary>
    public string Scope { get; set; } = "";

    public string Slug { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>Number of the version being edited (the newest draft).</summary>
    public int DraftVersion { get; set; }

    /// <summary>Number of the version the public sees; null when unpublished.</summary>
    public int? PublishedVersion { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>Publish the current draft at this time (UTC); run by the scheduler.</summary>
    public DateTime? ScheduledPublishUtc { get; set; }

    /// <summary>Take the document off the public site at this time (UTC).</summary>
    public DateTime? ScheduledUnpublishUtc { get; set; }

    /// <summary>Set when moved to the recycle bin; restore clears it and the document returns to its place.</summary>
    public DateTime? DeletedUtc { get; set; }

    /// <summary>Optimistic concurrency token: a second save from a stale copy is refused.</summary>
    public Guid ConcurrencyStamp { get; set; }

    public static string PageScope => "page";

    public static string GoalScope(int fiscalYearId) => $"fy:{fiscalYearId}";
}

/// <summary>An immutable JSON snapshot of a document. History is never rewritten.</summary>
public sealed class ContentVersion
{
    public long Id { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>1, 2, 3… per document.</summary>
    public int Number { get; set; }

    /// <summary>Title copied out of the snapshot for lists and history views.</summary>
    public string Title { get; set; } = "";

    public string Json { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public string? Note { get; set; }
}

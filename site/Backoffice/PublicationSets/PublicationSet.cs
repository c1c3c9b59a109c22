namespace UedaPublicGoals.Backoffice.PublicationSets;

public enum PublicationSetStatus
{
    /// <summary>Waiting for its moment; members can still be added and removed.</summary>
    Pending = 0,
    Released = 1,

    /// <summary>At its moment a member failed the re-check, so nothing was published.</summary>
    Failed = 2,
    Cancelled = 3,
}

/// <summary>
/// 公開セット: approved drafts of several documents (e.g. every department's 中間報告) released together
/// at one moment, all or nothing, as one publish batch.
/// </summary>
public sealed class PublicationSet
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The moment (UTC) the scheduler releases the set; entered and shown in Japan time.</summary>
    public DateTime ReleaseUtc { get; set; }

    public PublicationSetStatus Status { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>When it was released, failed or cancelled.</summary>
    public DateTime? ClosedUtc { get; set; }

    public List<PublicationSetMember> Members { get; set; } = [];

    public string StatusLabel => Status switch
    {
        PublicationSetStatus.Pending => "予約済み",
        PublicationSetStatus.Released => "公開済み",
        PublicationSetStatus.Failed => "失敗",
        PublicationSetStatus.Cancelled => "取り消し",
        _ => Status.ToString(),
    };
}

/// <summary>One approved draft in a set, pinned to the version (and slug) that was approved.</summary>
public sealed class PublicationSetMember
{
    public int Id { get; set; }

    public int SetId { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>The approved draft version; a newer draft at release time fails the set.</summary>
    public int Version { get; set; }

    /// <summary>The slug when approved: a move after approval changes the public URL, so it fails the set too.</summary>
    public string Slug { get; set; } = "";

    /// <summary>The 承認依頼 that approved this version.</summary>
    public long ApprovalRequestId { get; set; }

    public string AddedBy { get; set; } = "";

    public DateTime AddedUtc { get; set; }

    /// <summary>Why this member stopped the release (Japanese, shown to staff); null when it passed.</summary>
    public string? FailureReason { get; set; }
}

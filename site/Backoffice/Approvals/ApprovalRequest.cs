namespace UedaPublicGoals.Backoffice.Approvals;

public enum ApprovalStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Withdrawn = 3,
}

/// <summary>承認依頼: a 部局担当 asks 広報 to publish a given draft version.</summary>
public sealed class ApprovalRequest
{
    public long Id { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>The draft version the request is about; a newer draft needs a new request.</summary>
    public int Version { get; set; }

    /// <summary>The document's slug when the request was made: the approval publishes the version under this URL only.</summary>
    public string Slug { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public DateTime RequestedUtc { get; set; }

    public string? Note { get; set; }

    public ApprovalStatus Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? DecisionNote { get; set; }
}

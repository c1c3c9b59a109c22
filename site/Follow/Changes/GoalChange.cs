namespace UedaPublicGoals.Follow.Changes;

public enum GoalChangeKind
{
    /// <summary>The goal appeared on the public site.</summary>
    Published = 1,

    /// <summary>A later publish of the goal (the site feed's entry; its summary lists what changed).</summary>
    Updated = 2,

    /// <summary>A 中間報告 or 期末報告 appeared or was rewritten.</summary>
    Report = 3,

    /// <summary>A KPI measurement was added or changed.</summary>
    Kpi = 4,
}

/// <summary>
/// One thing residents can follow, derived at publish time from the difference between the version the
/// public saw before and the version published now (never typed in). Feeds and digests read these rows.
/// </summary>
public sealed class GoalChange
{
    public long Id { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>The published version that brought the change.</summary>
    public int Version { get; set; }

    public GoalChangeKind Kind { get; set; }

    /// <summary>What changed within the version, unique per (document, version), e.g. "report:1:final".</summary>
    public string Key { get; set; } = "";

    public DateTime Utc { get; set; }

    /// <summary>Entry title in Japanese, e.g. 「① …」の中間報告を公開しました.</summary>
    public string Title { get; set; } = "";

    /// <summary>Plain text (no markup); encoded when written into a feed or a mail.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The goal's title at the time, for the site feed and digests (links go to the goal's current URL).</summary>
    public string GoalTitle { get; set; } = "";
}

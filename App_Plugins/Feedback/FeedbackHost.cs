namespace UedaPublicGoals.Feedback;

/// <summary>A published goal a comment can be about, as the host site knows it.</summary>
public sealed record FeedbackGoal(Guid DocumentId, string Title, string DepartmentSlug, string DepartmentName, string FiscalYearLabel, string Url);

/// <summary>Implemented by the host: which published goals exist. The module never reads content tables.</summary>
public interface IFeedbackGoalLookup
{
    FeedbackGoal? Find(Guid documentId);

    IReadOnlyList<FeedbackGoal> All();
}

/// <summary>Implemented by the host: the backoffice's append-only audit log.</summary>
public interface IFeedbackAudit
{
    Task WriteAsync(string action, string? target, string? detail, CancellationToken ct = default);
}

/// <summary>Authorization policy names the host defines; the module's inbox endpoints require them.</summary>
public static class FeedbackPolicies
{
    /// <summary>総合計画担当 and 管理者.</summary>
    public const string Inbox = "Backoffice.FeedbackInbox";
}

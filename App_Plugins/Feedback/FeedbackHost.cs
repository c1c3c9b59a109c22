namespace UedaPublicGoals.Feedback;

/// <summary>A published goal a comment can be about, as the host site knows it.</summary>
public sealed record FeedbackGoal(Guid DocumentId, string Title, string DepartmentSlug, string DepartmentName, string FiscalYearLabel, string Url)
{
    /// <summary>取組 titles in order (① is index 0), so a comment can say which 取組 it is about.</summary>
    public IReadOnlyList<string> Initiatives { get; init; } = [];

    /// <summary>The 分野 the form starts with for this goal (set by staff); used only when the consultation has it.</summary>
    public string? SuggestedField { get; init; }

    /// <summary>The 取組 title for a number given as text ("3"), or null when it is not one of this goal's.</summary>
    public string? InitiativeTitle(string? number) =>
        int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= Initiatives.Count
            ? Initiatives[n - 1]
            : null;
}

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

/// <summary>A staff account comments can be assigned to, as the host knows it.</summary>
public sealed record FeedbackStaffMember(string Email, string DisplayName);

/// <summary>
/// Implemented by the host: the accounts of the consultation role (総合計画担当 and 管理者) that can take
/// a comment, enabled ones only. The module never reads the account tables.
/// </summary>
public interface IFeedbackStaffDirectory
{
    Task<IReadOnlyList<FeedbackStaffMember>> AssigneesAsync(CancellationToken ct = default);
}

/// <summary>Authorization policy names the host defines; the module's inbox endpoints require them.</summary>
public static class FeedbackPolicies
{
    /// <summary>総合計画担当 and 管理者.</summary>
    public const string Inbox = "Backoffice.FeedbackInbox";
}

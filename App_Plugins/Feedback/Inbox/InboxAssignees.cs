namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>
/// Who a comment can be assigned to: the staff accounts the host lists (<see cref="IFeedbackStaffDirectory"/>),
/// addressed by lower-case e-mail as comments store them. An assignee already stored stays valid while it is
/// kept unchanged, even after that account was disabled, so an unrelated save is never refused for it.
/// </summary>
public sealed class InboxAssignees(IFeedbackStaffDirectory directory)
{
    public const string UnknownMessage = "担当者は一覧から選んでください（総合計画担当か管理者のアカウントだけを選べます）。何も保存していません。";

    public async Task<IReadOnlyList<FeedbackStaffMember>> ChoicesAsync(CancellationToken ct = default) =>
        (await directory.AssigneesAsync(ct))
            .Select(m => m with { Email = Normalize(m.Email)! })
            .DistinctBy(m => m.Email)
            .ToList();

    /// <summary>True when <paramref name="email"/> (null: nobody) may be stored as the assignee of a comment now assigned to <paramref name="current"/>.</summary>
    public static bool IsChoosable(IReadOnlyList<FeedbackStaffMember> choices, string? email, string? current = null)
    {
        var normalized = Normalize(email);
        return normalized is null || normalized == Normalize(current) || choices.Any(m => m.Email == normalized);
    }

    public static string? Normalize(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}

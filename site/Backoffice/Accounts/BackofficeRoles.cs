namespace UedaPublicGoals.Backoffice.Accounts;

/// <summary>The four backoffice roles. Names are stable ASCII keys; people see the Japanese label.</summary>
public static class BackofficeRoles
{
    /// <summary>管理者: users, settings, everything.</summary>
    public const string Administrator = "Administrator";

    /// <summary>広報: all content, publish.</summary>
    public const string PublicRelations = "PublicRelations";

    /// <summary>部局担当: drafts of assigned departments only; asks 広報 to publish (承認依頼).</summary>
    public const string DepartmentAuthor = "DepartmentAuthor";

    /// <summary>総合計画担当: the feedback inbox; no content rights.</summary>
    public const string PlanningOfficer = "PlanningOfficer";

    public static readonly IReadOnlyList<string> All = [Administrator, PublicRelations, DepartmentAuthor, PlanningOfficer];

    public static string Label(string role) => role switch
    {
        Administrator => "管理者",
        PublicRelations => "広報",
        DepartmentAuthor => "部局担当",
        PlanningOfficer => "総合計画担当",
        _ => role,
    };

    /// <summary>Role claim that makes two-factor sign-in mandatory for members of the role.</summary>
    public const string RequireTwoFactorClaim = "backoffice:require-2fa";
}

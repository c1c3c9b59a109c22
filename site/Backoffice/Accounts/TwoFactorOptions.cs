namespace UedaPublicGoals.Backoffice.Accounts;

/// <summary>Bound from "Backoffice:TwoFactor".</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Backoffice:TwoFactor";

    /// <summary>
    /// Roles (comma-separated ASCII keys) that require two-factor sign-in on a new install; an
    /// empty value requires it of nobody. Applied when the roles are created; afterwards
    /// 管理者 change it per role under ユーザー → 役割の設定.
    /// </summary>
    public string RequiredRoles { get; set; } = $"{BackofficeRoles.Administrator},{BackofficeRoles.PublicRelations}";

    public IReadOnlyList<string> RequiredRoleNames =>
        RequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsValid => RequiredRoleNames.All(BackofficeRoles.All.Contains);
}

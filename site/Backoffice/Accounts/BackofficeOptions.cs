using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Backoffice.Accounts;

/// <summary>Bound from the "Backoffice" section.</summary>
public sealed class BackofficeOptions
{
    public const string Section = "Backoffice";

    /// <summary>E-mail of the first administrator, created at first start when no administrator exists.</summary>
    [EmailAddress]
    public string? AdminEmail { get; set; }

    /// <summary>Password of the first administrator. When unset, a one-time password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}

using Microsoft.AspNetCore.Identity;

namespace UedaPublicGoals.Backoffice.Accounts;

/// <summary>A backoffice account. Residents have no accounts.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for generated one-time passwords and administrator resets: the next login must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Disabled accounts cannot log in; their history stays.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Departments a 部局担当 may edit drafts of.</summary>
    public List<UserDepartment> Departments { get; set; } = [];
}

public sealed class UserDepartment
{
    public string UserId { get; set; } = "";

    public int DepartmentId { get; set; }
}

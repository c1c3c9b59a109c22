using Microsoft.AspNetCore.Authorization;
using UedaPublicGoals.Backoffice.Accounts;

namespace UedaPublicGoals.Backoffice;

/// <summary>Authorization policies. Every backoffice endpoint names one; hiding a button is never the check.</summary>
public static class BackofficePolicies
{
    /// <summary>Any backoffice role.</summary>
    public const string Staff = "Backoffice.Staff";

    /// <summary>Edit drafts: 管理者, 広報, and 部局担当 (for their departments, checked per document).</summary>
    public const string EditContent = "Backoffice.EditContent";

    /// <summary>Publish, unpublish, schedule, delete, roll back: 管理者 and 広報.</summary>
    public const string PublishContent = "Backoffice.PublishContent";

    /// <summary>Users, roles, settings, recycle bin emptying, search rebuild: 管理者.</summary>
    public const string Administer = "Backoffice.Administer";

    /// <summary>Feedback inbox: 総合計画担当 and 管理者.</summary>
    public const string FeedbackInbox = Feedback.FeedbackPolicies.Inbox;

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(BackofficeRoles.All));
        options.AddPolicy(EditContent, p => p.RequireAuthenticatedUser().RequireRole(BackofficeRoles.Administrator, BackofficeRoles.PublicRelations, BackofficeRoles.DepartmentAuthor));
        options.AddPolicy(PublishContent, p => p.RequireAuthenticatedUser().RequireRole(BackofficeRoles.Administrator, BackofficeRoles.PublicRelations));
        options.AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(BackofficeRoles.Administrator));
        options.AddPolicy(FeedbackInbox, p => p.RequireAuthenticatedUser().RequireRole(BackofficeRoles.Administrator, BackofficeRoles.PlanningOfficer));
    }
}

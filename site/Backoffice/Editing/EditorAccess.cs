using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Editing;

/// <summary>The part of the site a document belongs to: one department's goals, or the site-wide pages (null).</summary>
public sealed record ContentArea(int? DepartmentId);

/// <summary>May the user edit drafts in a <see cref="ContentArea"/>? Checked on every editor request, GET and POST.</summary>
public sealed class EditContentAreaRequirement : IAuthorizationRequirement
{
    public static readonly EditContentAreaRequirement Instance = new();
}

/// <summary>
/// 管理者 and 広報 edit everything; a 部局担当 edits the goals of the departments assigned to them
/// (UserDepartments), never the site-wide pages; nobody else edits content.
/// </summary>
public sealed class EditContentAreaHandler(PortalDbContext db, UserManager<PortalUser> users) : AuthorizationHandler<EditContentAreaRequirement, ContentArea>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EditContentAreaRequirement requirement, ContentArea area)
    {
        var user = context.User;
        if (user.IsInRole(BackofficeRoles.Administrator) || user.IsInRole(BackofficeRoles.PublicRelations))
        {
            context.Succeed(requirement);
            return;
        }

        if (area.DepartmentId is { } departmentId && user.IsInRole(BackofficeRoles.DepartmentAuthor)
            && users.GetUserId(user) is { } userId
            && await db.UserDepartments.AnyAsync(d => d.UserId == userId && d.DepartmentId == departmentId))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>A document opened for editing, with where it lives.</summary>
public sealed record EditableDocument(ContentDocument Document, FiscalYear? FiscalYear, Department? Department)
{
    public ContentArea Area => new(Department?.Id);

    /// <summary>The public path with the document's current slug (live only while published).</summary>
    public string PublicPath => PathWithSlug(Document.Slug);

    public string PathWithSlug(string slug) => PathPrefix + slug + PathSuffix;

    /// <summary>What comes before the slug: /seisaku-kikaku/r6/ or /pages/.</summary>
    public string PathPrefix => Document.Kind == DocumentKind.Page ? PublicPaths.Page("") : PublicPaths.Goal(Department!.Slug, FiscalYear!.Slug, "")[..^1];

    /// <summary>What comes after it: goal URLs end in a slash.</summary>
    public string PathSuffix => Document.Kind == DocumentKind.Page ? "" : "/";
}

public enum EditorDenial
{
    None,
    NotFound,
    Forbidden,
}

/// <summary>Finds a document (not in the recycle bin) and checks the user may edit it.</summary>
public sealed class EditorAccess(PortalDbContext db, IAuthorizationService authorization)
{
    public async Task<(EditableDocument? Document, EditorDenial Denial)> OpenAsync(ClaimsPrincipal user, Guid documentId, DocumentKind kind, CancellationToken ct = default)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.Kind == kind && d.DeletedUtc == null, ct);
        if (document is null)
        {
            return (null, EditorDenial.NotFound);
        }

        FiscalYear? year = null;
        if (document.FiscalYearId is { } yearId)
        {
            year = await FindYearAsync(yearId, ct);
            if (year is null)
            {
                return (null, EditorDenial.NotFound);
            }
        }

        var editable = new EditableDocument(document, year, year?.Department);
        return await CanEditAsync(user, editable.Area) ? (editable, EditorDenial.None) : (null, EditorDenial.Forbidden);
    }

    /// <summary>A fiscal year that is not in the recycle bin, nor is its department; with its department loaded.</summary>
    public async Task<FiscalYear?> FindYearAsync(int fiscalYearId, CancellationToken ct = default) =>
        await db.FiscalYears.AsNoTracking().Include(y => y.Department)
            .SingleOrDefaultAsync(y => y.Id == fiscalYearId && y.DeletedUtc == null && y.Department!.DeletedUtc == null, ct);

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, ContentArea area) =>
        (await authorization.AuthorizeAsync(user, area, EditContentAreaRequirement.Instance)).Succeeded;

    public async Task<bool> CanPublishAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, BackofficePolicies.PublishContent)).Succeeded;
}

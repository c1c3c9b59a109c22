using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.History;

/// <summary>
/// Who may work on a given document: 管理者 and 広報 on all of them, 部局担当 only on goals
/// of their assigned departments (pages belong to no department). The EditContent policy
/// lets a 部局担当 in the door; this is the per-document check behind it.
/// </summary>
public sealed class DocumentEditAccess(PortalDbContext db, UserManager<PortalUser> users)
{
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, ContentDocument document, CancellationToken ct = default)
    {
        if (user.IsInRole(BackofficeRoles.Administrator) || user.IsInRole(BackofficeRoles.PublicRelations))
        {
            return true;
        }

        if (!user.IsInRole(BackofficeRoles.DepartmentAuthor) || document.Kind != DocumentKind.Goal || document.FiscalYearId is not { } fiscalYearId)
        {
            return false;
        }

        var userId = users.GetUserId(user);
        var departmentId = await db.FiscalYears.Where(y => y.Id == fiscalYearId).Select(y => y.DepartmentId).SingleAsync(ct);
        return await db.UserDepartments.AnyAsync(d => d.UserId == userId && d.DepartmentId == departmentId, ct);
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Editing;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.History;

/// <summary>
/// Who may work on a given document, for history and rollback: the editor's one rule
/// (<see cref="EditContentAreaHandler"/>: 管理者 and 広報 everywhere, a 部局担当 only on the goals
/// of their departments) applied to the department the document's fiscal year belongs to.
/// </summary>
public sealed class DocumentEditAccess(PortalDbContext db, EditorAccess editors)
{
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, ContentDocument document, CancellationToken ct = default)
    {
        var departmentId = document.FiscalYearId is { } fiscalYearId
            ? await db.FiscalYears.Where(y => y.Id == fiscalYearId).Select(y => (int?)y.DepartmentId).SingleAsync(ct)
            : null;
        return await editors.CanEditAsync(user, new ContentArea(departmentId));
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.ContentTree;

[Route("backoffice")]
[Authorize(Policy = BackofficePolicies.Staff)]
public sealed class DashboardController(ContentTreeQuery tree, UserManager<PortalUser> users, PortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "コンテンツ";
        if (!User.IsInRole(BackofficeRoles.Administrator) && !User.IsInRole(BackofficeRoles.PublicRelations) && !User.IsInRole(BackofficeRoles.DepartmentAuthor))
        {
            // 総合計画担当 have no content rights; their home is the feedback inbox.
            return View("NoContentRights");
        }

        return View(await tree.LoadAsync(await EditableDepartmentsAsync()));
    }

    /// <summary>null = every department (管理者, 広報); otherwise the 部局担当's assignments.</summary>
    private async Task<IReadOnlySet<int>?> EditableDepartmentsAsync()
    {
        if (User.IsInRole(BackofficeRoles.Administrator) || User.IsInRole(BackofficeRoles.PublicRelations))
        {
            return null;
        }

        var userId = users.GetUserId(User);
        return (await db.UserDepartments.Where(d => d.UserId == userId).Select(d => d.DepartmentId).ToListAsync()).ToHashSet();
    }
}

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
    /// <param name="open">The fiscal year whose goals to list; 0 closes every year; absent opens the newest year of the first department the user edits (among those the filter shows).</param>
    /// <param name="page">Page of the opened year's goals (<see cref="TreeOpening.GoalsPerPage"/> a page).</param>
    /// <param name="q">Part of a department's name (or slug): only those departments are listed.</param>
    /// <param name="departmentPage">Page of the departments (<see cref="TreeOpening.DepartmentsPerPageShown"/> a page); absent: the page of the opened year.</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? open, string? q, int? departmentPage, int page = 1)
    {
        ViewData["Title"] = "コンテンツ";
        if (!User.IsInRole(BackofficeRoles.Administrator) && !User.IsInRole(BackofficeRoles.PublicRelations) && !User.IsInRole(BackofficeRoles.DepartmentAuthor))
        {
            // 総合計画担当 have no content rights; their home is the feedback inbox.
            return View("NoContentRights");
        }

        return View(await tree.LoadAsync(await EditableDepartmentsAsync(), open, q, departmentPage, page, TreeLayout.Dashboard, HttpContext.RequestAborted));
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

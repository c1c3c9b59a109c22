using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Redirects;

/// <summary>
/// The redirects slug changes left behind (Umbraco's "URL の転送" dashboard): list them and remove
/// one that is no longer wanted. 管理者 and 広報.
/// </summary>
[Route("backoffice/redirects")]
[Authorize(Policy = BackofficePolicies.PublishContent)]
public sealed class RedirectsController(PortalDbContext db, RedirectTable table, AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "URLの転送（リダイレクト）";
        var redirects = await db.Redirects.AsNoTracking().OrderBy(r => r.FromPath).ToListAsync();
        return View("~/Backoffice/Views/Redirects/Index.cshtml", redirects);
    }

    [HttpPost("{id:long}/delete")]
    public async Task<IActionResult> Delete(long id)
    {
        var redirect = await db.Redirects.SingleOrDefaultAsync(r => r.Id == id);
        if (redirect is null)
        {
            return NotFound();
        }

        db.Redirects.Remove(redirect);
        audit.Add(AuditActions.RedirectChange, redirect.FromPath, $"転送を削除：{redirect.FromPath} → {redirect.ToPath}");
        await db.SaveChangesAsync();
        await table.RebuildAsync();
        TempData["Notice"] = $"{redirect.FromPath} の転送を削除しました。このURLは「ページが見つかりません」になります。";
        return Redirect("/backoffice/redirects");
    }
}

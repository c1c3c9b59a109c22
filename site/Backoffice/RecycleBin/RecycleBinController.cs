using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Backoffice.RecycleBin;

/// <summary>
/// ごみ箱: everything deleted, with where it was; restore puts it back in place (管理者, 広報).
/// Emptying deletes for good, versions and files included (管理者 only, after a confirmation page).
/// </summary>
[Route("backoffice/recycle-bin")]
[Authorize(Policy = BackofficePolicies.PublishContent)]
public sealed class RecycleBinController(RecycleBinQuery query, ContentStore store, MediaLibrary media) : Controller
{
    private string Actor => User.Identity!.Name!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Title"] = "ごみ箱";
        return View(await query.LoadAsync(ct));
    }

    [HttpPost("restore")]
    public async Task<IActionResult> Restore(RecycleBinItemKind kind, string id, CancellationToken ct)
    {
        var item = (await query.LoadAsync(ct)).SingleOrDefault(i => i.Kind == kind && i.Id == id);
        if (item is null)
        {
            return NotFound();
        }

        try
        {
            switch (kind)
            {
                case RecycleBinItemKind.Department:
                    await store.RestoreDepartmentAsync(int.Parse(id), Actor, ct);
                    break;
                case RecycleBinItemKind.FiscalYear:
                    await store.RestoreFiscalYearAsync(int.Parse(id), Actor, ct);
                    break;
                case RecycleBinItemKind.Goal or RecycleBinItemKind.Page:
                    await store.RestoreAsync(Guid.Parse(id), Actor, ct);
                    break;
                default:
                    await media.RestoreAsync(Guid.Parse(id), Actor, ct);
                    break;
            }

            TempData["Notice"] = $"{item.KindLabel}「{item.Name}」を元の場所（{item.Location}）に戻しました。";
        }
        catch (RecycleBinException refused)
        {
            TempData["Notice"] = refused.Message;
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpGet("empty")]
    [Authorize(Policy = BackofficePolicies.Administer)]
    public async Task<IActionResult> ConfirmEmpty(CancellationToken ct)
    {
        ViewData["Title"] = "ごみ箱を空にする";
        return View("Empty", await query.LoadAsync(ct));
    }

    [HttpPost("empty")]
    [Authorize(Policy = BackofficePolicies.Administer)]
    public async Task<IActionResult> EmptyRecycleBin(CancellationToken ct)
    {
        var purged = await store.EmptyRecycleBinAsync(Actor, ct);
        var images = await media.EmptyRecycleBinAsync(Actor, ct);
        TempData["Notice"] = $"ごみ箱を空にしました（部局{purged.Departments}件・年度{purged.FiscalYears}件・重点目標とページ{purged.Documents}件（版{purged.Versions}件）・画像{images}件を完全に削除）。";
        return RedirectToAction(nameof(Index));
    }
}

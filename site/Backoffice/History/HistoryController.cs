using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Backoffice.Diff;

namespace UedaPublicGoals.Backoffice.History;

/// <summary>
/// Version history of one goal or page: every version, a field-by-field comparison of any
/// two, and rollback (which copies an old version forward as a new draft).
/// </summary>
[Route("backoffice/documents/{id:guid}/history")]
[Authorize(Policy = BackofficePolicies.EditContent)]
public sealed class HistoryController(ContentStore store, DocumentEditAccess access, PortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct)
    {
        var (document, denied) = await OpenAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        ViewData["Title"] = $"変更履歴：{document!.Title}";
        return View(new HistoryIndexPage(document, await store.ListVersionsAsync(id, ct)));
    }

    [HttpGet("{number:int}")]
    public async Task<IActionResult> Version(Guid id, int number, CancellationToken ct)
    {
        var (document, denied) = await OpenAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        var version = await store.FindVersionAsync(id, number, ct);
        if (version is null)
        {
            return NotFound();
        }

        var fields = SnapshotFlattener.Flatten(document!.Kind, version.Json);
        DiffView? changes = null;
        if (number != document.DraftVersion)
        {
            var draft = await store.FindVersionAsync(id, document.DraftVersion, ct);
            changes = new DiffView(
                FieldDiff.Compare(SnapshotFlattener.Flatten(document.Kind, draft!.Json), fields),
                $"現在（第{document.DraftVersion}版）",
                $"戻した後（第{number}版の内容）");
        }

        var unavailable = document.InRecycleBin ? "この文書はごみ箱にあります。元に戻してからロールバックしてください。"
            : number == document.DraftVersion ? "この版は最新の下書きです。"
            : null;
        ViewData["Title"] = $"第{number}版：{version.Title}";
        return View(new VersionPage(document, version, fields, changes, unavailable));
    }

    [HttpGet("compare")]
    public async Task<IActionResult> Compare(Guid id, int? from, int? to, CancellationToken ct)
    {
        var (document, denied) = await OpenAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        var toNumber = to ?? document!.DraftVersion;
        var fromNumber = from ?? Math.Max(1, toNumber - 1);
        var fromVersion = await store.FindVersionAsync(id, fromNumber, ct);
        var toVersion = await store.FindVersionAsync(id, toNumber, ct);
        if (fromVersion is null || toVersion is null)
        {
            return NotFound();
        }

        var diff = new DiffView(
            FieldDiff.Compare(SnapshotFlattener.Flatten(document!.Kind, fromVersion.Json), SnapshotFlattener.Flatten(document.Kind, toVersion.Json)),
            VersionLabel(document, fromNumber),
            VersionLabel(document, toNumber));
        ViewData["Title"] = $"第{fromNumber}版と第{toNumber}版の比較：{document.Title}";
        return View(new ComparePage(document, await store.ListVersionsAsync(id, ct), fromVersion, toVersion, diff));
    }

    [HttpPost("{number:int}/rollback")]
    public async Task<IActionResult> Rollback(Guid id, int number, Guid concurrencyStamp, CancellationToken ct)
    {
        var (document, denied) = await OpenAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        if (document!.InRecycleBin || number == document.DraftVersion || await store.FindVersionAsync(id, number, ct) is null)
        {
            return RedirectToAction(nameof(Version), new { id, number });
        }

        try
        {
            var created = await store.RollbackAsync(id, number, User.Identity!.Name!, concurrencyStamp, ct);
            TempData["Notice"] = $"第{number}版の内容を、第{created.Number}版（新しい下書き）として保存しました。公開するまで、公開サイトの表示は変わりません。";

            // Back where the work goes on: the editor, showing the restored draft.
            return Redirect(document.EditorUrl);
        }
        catch (ContentConflictException)
        {
            TempData["Notice"] = "この画面を開いた後に、ほかの人がこの文書を保存しました。最新の状態を確認してから、もう一度お試しください。";
        }
        catch (JsonException)
        {
            TempData["Notice"] = $"第{number}版は現在の形式で読み込めないため、戻せません。";
        }

        return RedirectToAction(nameof(Version), new { id, number });
    }

    private static string VersionLabel(HistoryDocument document, int number)
    {
        var states = document.States(number);
        return states.Count == 0 ? $"第{number}版" : $"第{number}版（{string.Join("・", states)}）";
    }

    /// <summary>Finds the document and checks the per-document right: 404 when missing, 403 when not the user's.</summary>
    private async Task<(HistoryDocument? Document, IActionResult? Denied)> OpenAsync(Guid id, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return (null, NotFound());
        }

        if (!await access.CanEditAsync(User, document, ct))
        {
            return (null, Forbid());
        }

        var title = await db.Versions.Where(v => v.DocumentId == id && v.Number == document.DraftVersion).Select(v => v.Title).SingleAsync(ct);
        string location, publicPath;
        if (document.Kind == DocumentKind.Goal)
        {
            var place = await db.FiscalYears.Where(y => y.Id == document.FiscalYearId)
                .Select(y => new { y.Slug, y.Heading, y.DeletedUtc, Department = new { y.Department!.Slug, y.Department.Name, y.Department.DeletedUtc } })
                .SingleAsync(ct);
            var binned = place.DeletedUtc is not null || place.Department.DeletedUtc is not null;
            location = $"{place.Department.Name} > {place.Heading}{(binned ? "（ごみ箱の中）" : "")}";
            publicPath = $"/{place.Department.Slug}/{place.Slug}/{document.Slug}/";
        }
        else
        {
            location = "ページ";
            publicPath = $"/pages/{document.Slug}";
        }

        return (new HistoryDocument(document.Id, document.Kind, title, location, publicPath, document.DraftVersion, document.PublishedVersion,
            document.DeletedUtc is not null, document.ConcurrencyStamp), null);
    }
}

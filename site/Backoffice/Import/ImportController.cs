using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Editing;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Import;

public sealed class SheetUploadForm
{
    [Display(Name = "重点目標管理シートのファイル")]
    [Required(ErrorMessage = "取り込むファイル（.xlsx またはテキスト書き出し）を選んでください。")]
    public IFormFile? File { get; set; }
}

/// <summary>A goal the user may export, for the 取り込み page's download list.</summary>
public sealed record ExportableGoal(Guid Id, string Department, int DepartmentId, int FiscalYearId, string Year, string Slug, string Title, bool Published);

public sealed record ImportIndexPage(SheetUploadForm Form, IReadOnlyList<ExportableGoal> Goals);

/// <summary>
/// 取り込み: upload a workbook or the text export, see per goal what would change and every
/// problem, confirm to write drafts. Also the .xlsx download of a goal or a department's year.
/// 管理者 and 広報 for every department, 部局担当 for their own (checked per sheet and per export).
/// </summary>
[Route("backoffice/import")]
[Authorize(Policy = BackofficePolicies.EditContent)]
public sealed class ImportController(SheetImporter importer, GoalSheetExport export, EditorAccess access, PortalDbContext db, TimeProvider clock) : Controller
{
    /// <summary>Larger than the accepted file so that a too large file gets the Japanese explanation, not a bare 413.</summary>
    private const long RequestLimit = 32L * 1024 * 1024;

    private const string FormPrefix = nameof(ImportIndexPage.Form);
    private const string FileField = FormPrefix + "." + nameof(SheetUploadForm.File);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await IndexViewAsync(new SheetUploadForm(), ct);

    [HttpPost("")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Upload([Bind(Prefix = FormPrefix)] SheetUploadForm form, CancellationToken ct)
    {
        if (form.File is { Length: 0 })
        {
            ModelState.AddModelError(FileField, "選んだファイルは空です。");
        }

        if (!ModelState.IsValid)
        {
            return await IndexViewAsync(form, ct);
        }

        StoredUpload upload;
        try
        {
            if (form.File!.Length > SheetImporter.MaxFileBytes)
            {
                throw new SheetFileException($"ファイルが大きすぎます（{form.File.Length / 1024.0 / 1024.0:0.#}MB）。{SheetImporter.MaxFileBytes / 1024 / 1024}MBまでのファイルを選んでください。");
            }

            var bytes = new byte[form.File.Length];
            await using (var stream = form.File.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }

            upload = SheetImporter.Read(bytes, TokyoTime.Today(clock));
        }
        catch (SheetFileException ex)
        {
            ModelState.AddModelError(FileField, $"「{Path.GetFileName(form.File!.FileName)}」: {ex.Message}");
            return await IndexViewAsync(form, ct);
        }

        var id = await importer.StartAsync(User, form.File.FileName, upload, ct);
        return Redirect($"/backoffice/import/{id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Preview(Guid id, CancellationToken ct)
    {
        var preview = await importer.PreviewAsync(User, id, ct);
        if (preview is null)
        {
            return SessionGone();
        }

        ViewData["Title"] = "取り込みの確認";
        return View(preview);
    }

    [HttpPost("{id:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken ct)
    {
        var (preview, outcome) = await importer.ConfirmAsync(User, id, ct);
        if (preview is null)
        {
            return SessionGone();
        }

        if (outcome is null)
        {
            ViewData["Title"] = "取り込みの確認";
            ModelState.AddModelError("", "問題が残っているため、取り込みませんでした。何も保存していません。");
            return View(nameof(Preview), preview);
        }

        TempData["Notice"] = $"「{preview.FileName}」を取り込みました：新規{outcome.Created}件・更新{outcome.Updated}件・変更なし{outcome.Unchanged}件。すべて下書きです（公開はしていません）。内容を確かめてから、各編集画面で公開してください。";
        return Redirect("/backoffice/import");
    }

    [HttpGet("export/goal/{id:guid}")]
    public async Task<IActionResult> ExportGoal(Guid id, string version = "draft", CancellationToken ct = default)
    {
        var (document, denial) = await access.OpenAsync(User, id, DocumentKind.Goal, ct);
        if (denial != EditorDenial.None)
        {
            return denial == EditorDenial.Forbidden ? Forbid() : NotFound();
        }

        var file = await export.GoalAsync(document!, Published(version), ct);
        return file is null ? NotFound() : File(file.Bytes, GoalSheetExport.ContentType, file.FileName);
    }

    [HttpGet("export/year/{fiscalYearId:int}")]
    public async Task<IActionResult> ExportYear(int fiscalYearId, string version = "draft", CancellationToken ct = default)
    {
        var year = await access.FindYearAsync(fiscalYearId, ct);
        if (year is null)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, new ContentArea(year.DepartmentId)))
        {
            return Forbid();
        }

        var file = await export.YearAsync(year, Published(version), ct);
        return file is null ? NotFound() : File(file.Bytes, GoalSheetExport.ContentType, file.FileName);
    }

    private static bool Published(string version) => string.Equals(version, "published", StringComparison.Ordinal);

    private IActionResult SessionGone()
    {
        TempData["Notice"] = "この取り込みは見つかりません（確定済み、30分を過ぎて期限切れ、または別のユーザーのものです）。もう一度ファイルを選んでください。";
        return Redirect("/backoffice/import");
    }

    private async Task<IActionResult> IndexViewAsync(SheetUploadForm form, CancellationToken ct)
    {
        ViewData["Title"] = "重点目標管理シートの取り込み";
        var goals = await (from d in db.Documents.AsNoTracking()
                           join y in db.FiscalYears on d.FiscalYearId equals y.Id
                           join dep in db.Departments on y.DepartmentId equals dep.Id
                           join v in db.Versions on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
                           where d.Kind == DocumentKind.Goal && d.DeletedUtc == null && y.DeletedUtc == null && dep.DeletedUtc == null
                           orderby dep.SortOrder, dep.Id, y.Year, d.SortOrder
                           select new ExportableGoal(d.Id, dep.Name, dep.Id, y.Id, y.Heading, d.Slug, v.Title, d.PublishedVersion != null)).ToListAsync(ct);
        var visible = new List<ExportableGoal>();
        foreach (var departmentGoals in goals.GroupBy(g => g.DepartmentId))
        {
            if (await access.CanEditAsync(User, new ContentArea(departmentGoals.Key)))
            {
                visible.AddRange(departmentGoals);
            }
        }

        return View("Index", new ImportIndexPage(form, visible));
    }
}

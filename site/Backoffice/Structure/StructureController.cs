using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Backoffice.ContentTree;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Backoffice.Structure;

/// <summary>
/// 構成: departments and fiscal years, the order of departments, goals and pages, and
/// moving any of them to the recycle bin. Reordering is a button per step: no JavaScript.
/// The page reads the dashboard's tree (a page of departments, the name filter, one year's goals at a time,
/// paged), so it stays small at any size; after a change it returns to the page showing what changed.
/// </summary>
[Route("backoffice/structure")]
[Authorize(Policy = BackofficePolicies.PublishContent)]
public sealed class StructureController(StructureService structure, ContentTreeQuery tree, ContentStore store, TimeProvider clock) : Controller
{
    /// <summary>The id of the page's one POST form, which every move and ごみ箱へ button submits to its own formaction.</summary>
    public const string ActionFormId = "structure-actions";

    private const string IndexPath = TreeLinks.StructurePath;

    private string Actor => User.Identity!.Name!;

    /// <param name="open">The fiscal year whose goals to list; 0 closes every year; absent opens the first department's newest year.</param>
    /// <param name="q">Part of a department's name (or slug): only those departments are listed.</param>
    /// <param name="departmentPage">Page of the departments; absent: the page of the opened year.</param>
    /// <param name="page">Page of the opened year's goals.</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? open, string? q, int? departmentPage, CancellationToken ct, int page = 1)
    {
        ViewData["Title"] = "構成と並び順";
        return View(await tree.LoadAsync(null, open, q, departmentPage, page, TreeLayout.Structure, ct));
    }

    [HttpGet("departments/new")]
    public IActionResult NewDepartment(string? name = null) => DepartmentView(new DepartmentForm { Name = name ?? "" }, id: null);

    [HttpPost("departments/new")]
    public async Task<IActionResult> NewDepartment(DepartmentForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return DepartmentView(form, id: null);
        }

        var (id, problems) = await structure.CreateDepartmentAsync(form, Actor, ct);
        if (AddProblems(problems))
        {
            return DepartmentView(form, id: null);
        }

        TempData["Notice"] = $"部局「{form.Name.Trim()}」を作成しました。続けて年度を追加できます。";
        return Redirect(await DepartmentLocationAsync(id!.Value, ct));
    }

    [HttpGet("departments/{id:int}")]
    public async Task<IActionResult> EditDepartment(int id, CancellationToken ct)
    {
        var department = await structure.FindDepartmentAsync(id, ct);
        return department is null ? NotFound() : DepartmentView(new DepartmentForm { Name = department.Name, Slug = department.Slug }, id);
    }

    [HttpPost("departments/{id:int}")]
    public async Task<IActionResult> EditDepartment(int id, DepartmentForm form, CancellationToken ct)
    {
        if (await structure.FindDepartmentAsync(id, ct) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || AddProblems(await structure.UpdateDepartmentAsync(id, form, Actor, ct)))
        {
            return DepartmentView(form, id);
        }

        TempData["Notice"] = $"部局「{form.Name.Trim()}」を保存しました。";
        return Redirect(await DepartmentLocationAsync(id, ct));
    }

    [HttpPost("departments/{id:int}/move")]
    public async Task<IActionResult> MoveDepartment(int id, MoveDirection direction, CancellationToken ct)
    {
        await structure.MoveDepartmentAsync(id, direction, Actor, ct);
        return Redirect(await DepartmentLocationAsync(id, ct));
    }

    [HttpPost("departments/{id:int}/delete")]
    public async Task<IActionResult> DeleteDepartment(int id, CancellationToken ct)
    {
        var department = await structure.FindDepartmentAsync(id, ct);
        if (department is null)
        {
            return NotFound();
        }

        await store.MoveDepartmentToRecycleBinAsync(id, Actor, ct);
        TempData["Notice"] = $"部局「{department.Name}」を、その年度と重点目標ごとごみ箱へ移動しました。公開サイトからも消えています。ごみ箱から元に戻せます。";
        return Redirect(IndexPath);
    }

    [HttpGet("departments/{departmentId:int}/years/new")]
    public async Task<IActionResult> NewFiscalYear(int departmentId, CancellationToken ct)
    {
        var department = await structure.FindDepartmentAsync(departmentId, ct);
        if (department is null)
        {
            return NotFound();
        }

        // Suggest the fiscal year running now in Japan (it starts in April).
        var today = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9));
        return FiscalYearView(FiscalYearForm.Suggest(today.Month >= 4 ? today.Year : today.Year - 1), department.Name, departmentId, id: null);
    }

    [HttpPost("departments/{departmentId:int}/years/new")]
    public async Task<IActionResult> NewFiscalYear(int departmentId, FiscalYearForm form, CancellationToken ct)
    {
        var department = await structure.FindDepartmentAsync(departmentId, ct);
        if (department is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return FiscalYearView(form, department.Name, departmentId, id: null);
        }

        var (yearId, problems) = await structure.CreateFiscalYearAsync(departmentId, form, Actor, ct);
        if (AddProblems(problems))
        {
            return FiscalYearView(form, department.Name, departmentId, id: null);
        }

        TempData["Notice"] = $"「{department.Name} {form.Heading.Trim()}」を作成しました。重点目標を追加すると公開サイトに表示されます。";
        return Redirect(YearLocation(yearId!.Value));
    }

    [HttpGet("years/{id:int}")]
    public async Task<IActionResult> EditFiscalYear(int id, CancellationToken ct)
    {
        var year = await structure.FindFiscalYearAsync(id, ct);
        return year is null
            ? NotFound()
            : FiscalYearView(new FiscalYearForm { Year = year.Year, Heading = year.Heading, MidtermReportMonth = year.MidtermReportMonth.ToString(System.Globalization.CultureInfo.InvariantCulture), FinalReportMonth = year.FinalReportMonth.ToString(System.Globalization.CultureInfo.InvariantCulture) }, year.Department!.Name, year.DepartmentId, id);
    }

    [HttpPost("years/{id:int}")]
    public async Task<IActionResult> EditFiscalYear(int id, FiscalYearForm form, CancellationToken ct)
    {
        var year = await structure.FindFiscalYearAsync(id, ct);
        if (year is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || AddProblems(await structure.UpdateFiscalYearAsync(id, form, Actor, ct)))
        {
            return FiscalYearView(form, year.Department!.Name, year.DepartmentId, id);
        }

        TempData["Notice"] = $"「{year.Department!.Name} {form.Heading.Trim()}」を保存しました。";
        return Redirect(YearLocation(id));
    }

    [HttpPost("years/{id:int}/delete")]
    public async Task<IActionResult> DeleteFiscalYear(int id, CancellationToken ct)
    {
        var year = await structure.FindFiscalYearAsync(id, ct);
        if (year is null)
        {
            return NotFound();
        }

        await store.MoveFiscalYearToRecycleBinAsync(id, Actor, ct);
        TempData["Notice"] = $"「{year.Department!.Name} {year.Heading}」を、その重点目標ごとごみ箱へ移動しました。公開サイトからも消えています。ごみ箱から元に戻せます。";
        return Redirect(await DepartmentLocationAsync(year.DepartmentId, ct));
    }

    [HttpPost("documents/{id:guid}/move")]
    public async Task<IActionResult> MoveDocument(Guid id, MoveDirection direction, CancellationToken ct)
    {
        await structure.MoveDocumentAsync(id, direction, Actor, ct);
        var document = await store.FindAsync(id, ct);
        return Redirect(document is { Kind: DocumentKind.Goal, FiscalYearId: { } yearId }
            ? TreeLinks.Year(IndexPath, yearId, await tree.GoalPageOfAsync(id, yearId, TreeLayout.Structure, ct), $"document-{id}")
            : $"{IndexPath}#document-{id}");
    }

    [HttpPost("documents/{id:guid}/delete")]
    public async Task<IActionResult> DeleteDocument(Guid id, CancellationToken ct)
    {
        var document = await store.FindAsync(id, ct);
        if (document is null || document.DeletedUtc is not null)
        {
            return NotFound();
        }

        await store.MoveToRecycleBinAsync(id, Actor, ct);
        TempData["Notice"] = document.PublishedVersion is null
            ? "ごみ箱へ移動しました。ごみ箱から元に戻せます。"
            : "ごみ箱へ移動しました。公開サイトからも消えています。ごみ箱から元に戻せます。";
        return Redirect(document.FiscalYearId is { } yearId ? YearLocation(yearId) : IndexPath);
    }

    /// <summary>The department on the page of departments that holds it.</summary>
    private async Task<string> DepartmentLocationAsync(int departmentId, CancellationToken ct) =>
        TreeLinks.Department(IndexPath, await tree.DepartmentPageOfAsync(departmentId, TreeLayout.Structure, ct), departmentId);

    /// <summary>The year opened, on the page of departments that holds it.</summary>
    private static string YearLocation(int yearId) => TreeLinks.Year(IndexPath, yearId, 1, $"year-{yearId}");

    private ViewResult DepartmentView(DepartmentForm form, int? id)
    {
        ViewData["Title"] = id is null ? "部局を追加" : "部局を編集";
        ViewData["Action"] = id is null ? $"{IndexPath}/departments/new" : $"{IndexPath}/departments/{id}";
        return View("DepartmentForm", form);
    }

    private ViewResult FiscalYearView(FiscalYearForm form, string departmentName, int departmentId, int? id)
    {
        ViewData["Title"] = id is null ? $"{departmentName}：年度を追加" : $"{departmentName}：年度を編集";
        ViewData["Action"] = id is null ? $"{IndexPath}/departments/{departmentId}/years/new" : $"{IndexPath}/years/{id}";
        ViewData["Editing"] = id is not null;
        return View("FiscalYearForm", form);
    }

    /// <returns>true when there were problems to show.</returns>
    private bool AddProblems(IReadOnlyList<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        return problems.Count > 0;
    }
}

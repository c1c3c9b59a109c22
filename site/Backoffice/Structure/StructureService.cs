using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Structure;

/// <summary>A field the form should mark, with the Japanese message to show next to it.</summary>
public sealed record FieldProblem(string Field, string Message);

public enum MoveDirection
{
    Up,
    Down,
}

/// <summary>
/// Departments and fiscal years (create, rename, re-slug, reorder) and the order of goals
/// and pages. Public URLs that a slug change moves keep working through redirects, and
/// every change the public site shows commits like a publish (one transaction with its
/// audit and outbox rows) and is announced as ONE batch, however many documents it moves.
/// </summary>
public sealed class StructureService(PortalDbContext db, PublishUnitOfWork unitOfWork, AuditLog audit, TimeProvider clock, ReservedPathSegments reservedSegments)
{
    private const int SortStep = 10;

    public Task<Department?> FindDepartmentAsync(int id, CancellationToken ct = default) =>
        db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.DeletedUtc == null, ct);

    public Task<FiscalYear?> FindFiscalYearAsync(int id, CancellationToken ct = default) =>
        db.FiscalYears.AsNoTracking().Include(y => y.Department)
            .SingleOrDefaultAsync(y => y.Id == id && y.DeletedUtc == null && y.Department!.DeletedUtc == null, ct);

    public async Task<(int? Id, IReadOnlyList<FieldProblem> Problems)> CreateDepartmentAsync(DepartmentForm form, string user, CancellationToken ct = default)
    {
        var slug = form.Slug.Trim();
        var problems = await CheckDepartmentSlugAsync(slug, exceptId: null, ct);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var last = await db.Departments.MaxAsync(d => (int?)d.SortOrder, ct) ?? 0;
        var department = new Department { Slug = slug, Name = form.Name.Trim(), SortOrder = last + SortStep };
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        Audit(user, AuditActions.ContentCreate, ContentStore.DepartmentTarget(department.Id), $"部局「{department.Name}」（/{slug}/）を作成");
        await db.SaveChangesAsync(ct);
        return (department.Id, []);
    }

    public async Task<IReadOnlyList<FieldProblem>> UpdateDepartmentAsync(int id, DepartmentForm form, string user, CancellationToken ct = default)
    {
        var department = await db.Departments.SingleAsync(d => d.Id == id && d.DeletedUtc == null, ct);
        var slug = form.Slug.Trim();
        var problems = await CheckDepartmentSlugAsync(slug, exceptId: id, ct);
        if (problems.Count > 0)
        {
            return problems;
        }

        var (oldSlug, oldName) = (department.Slug, department.Name);
        department.Name = form.Name.Trim();
        department.Slug = slug;
        if (oldSlug == slug && oldName == department.Name)
        {
            return [];
        }

        var yearIds = db.FiscalYears.Where(y => y.DepartmentId == id && y.DeletedUtc == null).Select(y => y.Id);
        if (oldSlug != slug)
        {
            await RedirectMovedPathsAsync($"/{oldSlug}/", $"/{slug}/", await PublicPathsOfDepartmentAsync(id, oldSlug, ct), user, ct);
        }

        Audit(user, AuditActions.StructureChange, ContentStore.DepartmentTarget(id), Describe("部局", oldName, department.Name, oldSlug, slug));
        await unitOfWork.CommitAsync(await PublishedDocumentsAsync(yearIds, ct), ct);
        return [];
    }

    public async Task<(int? Id, IReadOnlyList<FieldProblem> Problems)> CreateFiscalYearAsync(int departmentId, FiscalYearForm form, string user, CancellationToken ct = default)
    {
        var department = await db.Departments.SingleAsync(d => d.Id == departmentId && d.DeletedUtc == null, ct);
        var slug = form.Slug.Trim();
        var problems = await CheckFiscalYearAsync(departmentId, form, exceptId: null, ct);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var year = new FiscalYear { DepartmentId = departmentId, Year = form.Year!.Value, Slug = slug, Heading = form.Heading.Trim(), MidtermReportMonth = form.ReportMonths().Midterm, FinalReportMonth = form.ReportMonths().Final };
        db.FiscalYears.Add(year);
        await db.SaveChangesAsync(ct);
        Audit(user, AuditActions.ContentCreate, ContentStore.FiscalYearTarget(year.Id), $"「{department.Name} {year.Heading}」（/{department.Slug}/{slug}/）を作成");
        await db.SaveChangesAsync(ct);
        return (year.Id, []);
    }

    public async Task<IReadOnlyList<FieldProblem>> UpdateFiscalYearAsync(int id, FiscalYearForm form, string user, CancellationToken ct = default)
    {
        var year = await db.FiscalYears.Include(y => y.Department).SingleAsync(y => y.Id == id && y.DeletedUtc == null, ct);
        var slug = form.Slug.Trim();
        var problems = await CheckFiscalYearAsync(year.DepartmentId, form, exceptId: id, ct);
        if (problems.Count > 0)
        {
            return problems;
        }

        var (oldSlug, oldHeading, oldYear) = (year.Slug, year.Heading, year.Year);
        var (oldMidterm, oldFinal) = (year.MidtermReportMonth, year.FinalReportMonth);
        year.Slug = slug;
        year.Heading = form.Heading.Trim();
        year.Year = form.Year!.Value;
        (year.MidtermReportMonth, year.FinalReportMonth) = form.ReportMonths();
        if (oldSlug == slug && oldHeading == year.Heading && oldYear == year.Year && oldMidterm == year.MidtermReportMonth && oldFinal == year.FinalReportMonth)
        {
            return [];
        }

        var department = year.Department!;
        if (oldSlug != slug)
        {
            // Only URLs residents could open get a redirect: the year's page exists on the site while it
            // has a published goal. A year fixed before anything under it went public leaves none.
            var oldPrefix = $"/{department.Slug}/{oldSlug}/";
            var goalSlugs = await db.Documents.Where(d => d.FiscalYearId == id && d.DeletedUtc == null && d.PublishedVersion != null).Select(d => d.Slug).ToListAsync(ct);
            await RedirectMovedPathsAsync(oldPrefix, $"/{department.Slug}/{slug}/", goalSlugs.Count == 0 ? [] : [oldPrefix, .. goalSlugs.Select(g => $"{oldPrefix}{g}/")], user, ct);
        }

        var detail = Describe("年度", oldHeading, year.Heading, oldSlug, slug) + (oldYear != year.Year ? $"、年度 {oldYear}→{year.Year}" : "")
            + (oldMidterm != year.MidtermReportMonth ? $"、中間報告 {oldMidterm}月→{year.MidtermReportMonth}月" : "")
            + (oldFinal != year.FinalReportMonth ? $"、期末報告 {oldFinal}月→{year.FinalReportMonth}月" : "");
        Audit(user, AuditActions.StructureChange, ContentStore.FiscalYearTarget(id), $"{department.Name}：{detail}");
        await unitOfWork.CommitAsync(await PublishedDocumentsAsync(db.FiscalYears.Where(y => y.Id == id).Select(y => y.Id), ct), ct);
        return [];
    }

    /// <summary>Swaps a department with its neighbour. Returns false when it is already first/last.</summary>
    public async Task<bool> MoveDepartmentAsync(int id, MoveDirection direction, string user, CancellationToken ct = default)
    {
        var siblings = await db.Departments.Where(d => d.DeletedUtc == null).OrderBy(d => d.SortOrder).ThenBy(d => d.Slug).ToListAsync(ct);
        var moved = siblings.SingleOrDefault(d => d.Id == id);
        if (moved is null || !Swap(siblings, moved, direction, (d, order) => d.SortOrder = order))
        {
            return false;
        }

        Audit(user, AuditActions.ContentMove, ContentStore.DepartmentTarget(id), $"部局「{moved.Name}」を{(direction == MoveDirection.Up ? "上" : "下")}へ移動（{siblings.IndexOf(moved) + 1}番目）");

        // The home page lists departments in this order; any published goal's announcement evicts the listings.
        var anyPublished = await PublishedDocumentsAsync(db.FiscalYears.Where(y => y.DepartmentId == id && y.DeletedUtc == null).Select(y => y.Id), ct);
        await unitOfWork.CommitAsync(anyPublished.Take(1), ct);
        return true;
    }

    /// <summary>Swaps a goal with its neighbour in the same fiscal year, or a page with its neighbour among pages.</summary>
    public async Task<bool> MoveDocumentAsync(Guid id, MoveDirection direction, string user, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id && d.DeletedUtc == null, ct);
        if (document is null)
        {
            return false;
        }

        var siblings = await db.Documents.Where(d => d.Scope == document.Scope && d.DeletedUtc == null).OrderBy(d => d.SortOrder).ThenBy(d => d.Slug).ToListAsync(ct);
        if (!Swap(siblings, siblings.Single(d => d.Id == id), direction, (d, order) => d.SortOrder = order))
        {
            return false;
        }

        var title = await db.Versions.Where(v => v.DocumentId == id && v.Number == document.DraftVersion).Select(v => v.Title).SingleAsync(ct);
        Audit(user, AuditActions.ContentMove, ContentStore.DocumentTarget(document.Kind, id), $"「{title}」を{(direction == MoveDirection.Up ? "上" : "下")}へ移動（{siblings.IndexOf(document) + 1}番目）");

        // Goals are listed publicly by their 優先順位, so their order here is the backoffice's only.
        // Pages are listed in this order in the footer of every public page: all of them must refresh.
        await unitOfWork.CommitAsync(
            document.Kind == DocumentKind.Page ? await db.Documents.Where(d => d.DeletedUtc == null && d.PublishedVersion != null).Select(d => d.Id).ToListAsync(ct) : [],
            ct);

        return true;
    }

    /// <summary>Moves <paramref name="item"/> one place and renumbers the whole list, so equal or missing sort orders settle too.</summary>
    private static bool Swap<T>(List<T> siblings, T item, MoveDirection direction, Action<T, int> setOrder)
    {
        var index = siblings.IndexOf(item);
        var target = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (target < 0 || target >= siblings.Count)
        {
            return false;
        }

        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            setOrder(siblings[i], (i + 1) * SortStep);
        }

        return true;
    }

    private async Task<IReadOnlyList<FieldProblem>> CheckDepartmentSlugAsync(string slug, int? exceptId, CancellationToken ct)
    {
        if (reservedSegments.Contains(slug))
        {
            return [new(nameof(DepartmentForm.Slug), $"「{slug}」はサイトが使っているため、部局のスラッグにはできません。")];
        }

        // Slugs in the recycle bin count too: restoring must never collide.
        var taken = await db.Departments.Where(d => d.Slug == slug && d.Id != exceptId).Select(d => new { d.Name, d.DeletedUtc }).FirstOrDefaultAsync(ct);
        return taken is null ? []
            : [new(nameof(DepartmentForm.Slug), $"スラッグ「{slug}」は「{taken.Name}」{(taken.DeletedUtc is null ? "" : "（ごみ箱の中）")}が使っています。別のスラッグにしてください。")];
    }

    private async Task<IReadOnlyList<FieldProblem>> CheckFiscalYearAsync(int departmentId, FiscalYearForm form, int? exceptId, CancellationToken ct)
    {
        var (year, slug) = (form.Year!.Value, form.Slug);
        var siblings = await db.FiscalYears.Where(y => y.DepartmentId == departmentId && y.Id != exceptId).Select(y => new { y.Year, y.Slug, y.Heading, y.DeletedUtc }).ToListAsync(ct);
        var problems = new List<FieldProblem>();
        if (siblings.FirstOrDefault(y => y.Year == year) is { } sameYear)
        {
            problems.Add(new(nameof(FiscalYearForm.Year), $"この部局には{year}年度（{sameYear.Heading}）が既にあります{(sameYear.DeletedUtc is null ? "" : "（ごみ箱の中）")}。"));
        }

        if (siblings.FirstOrDefault(y => y.Slug == slug) is { } sameSlug)
        {
            problems.Add(new(nameof(FiscalYearForm.Slug), $"スラッグ「{slug}」はこの部局の「{sameSlug.Heading}」{(sameSlug.DeletedUtc is null ? "" : "（ごみ箱の中）")}が使っています。"));
        }

        if (form.OtherYearInHeading() is { } other)
        {
            problems.Add(new(nameof(FiscalYearForm.Heading), $"見出しの「{other}」が年度と合いません。{year}年度は{form.Label}です（例：{form.Label} 重点目標）。"));
        }

        return problems;
    }

    private async Task<List<string>> PublicPathsOfDepartmentAsync(int departmentId, string slug, CancellationToken ct)
    {
        var paths = new List<string> { $"/{slug}/" };
        var years = await db.FiscalYears.Where(y => y.DepartmentId == departmentId && y.DeletedUtc == null).Select(y => new { y.Id, y.Slug }).ToListAsync(ct);
        foreach (var year in years)
        {
            paths.Add($"/{slug}/{year.Slug}/");
            var goals = await db.Documents.Where(d => d.FiscalYearId == year.Id && d.DeletedUtc == null && d.PublishedVersion != null).Select(d => d.Slug).ToListAsync(ct);
            paths.AddRange(goals.Select(g => $"/{slug}/{year.Slug}/{g}/"));
        }

        return paths;
    }

    /// <summary>
    /// Old public paths under <paramref name="oldPrefix"/> answer 301 to the same place
    /// under <paramref name="newPrefix"/>. Older redirects into the old place are pointed
    /// at the new one (no chains), and none may shadow a path that is live again.
    /// </summary>
    private async Task RedirectMovedPathsAsync(string oldPrefix, string newPrefix, IReadOnlyList<string> oldPaths, string user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var redirect in await db.Redirects.Where(r => r.ToPath.StartsWith(oldPrefix)).ToListAsync(ct))
        {
            redirect.ToPath = newPrefix + redirect.ToPath[oldPrefix.Length..];
        }

        var existing = await db.Redirects.Where(r => oldPaths.Contains(r.FromPath)).ToDictionaryAsync(r => r.FromPath, ct);
        foreach (var path in oldPaths)
        {
            if (!existing.TryGetValue(path, out var redirect))
            {
                redirect = new Redirect { FromPath = path };
                db.Redirects.Add(redirect);
            }

            redirect.ToPath = newPrefix + path[oldPrefix.Length..];
            redirect.CreatedUtc = now;
            redirect.CreatedBy = user;
        }

        var livePaths = oldPaths.Select(p => newPrefix + p[oldPrefix.Length..]).ToList();
        db.Redirects.RemoveRange(await db.Redirects.Where(r => livePaths.Contains(r.FromPath)).ToListAsync(ct));
        db.Redirects.RemoveRange(db.Redirects.Local.Where(r => r.FromPath == r.ToPath));
        if (oldPaths.Count > 0)
        {
            Audit(user, AuditActions.RedirectChange, oldPrefix, $"スラッグ変更：{oldPrefix} 以下の{oldPaths.Count}件のURLを {newPrefix} 以下へ転送");
        }
    }

    private static string Describe(string what, string oldName, string newName, string oldSlug, string newSlug)
    {
        var changes = new List<string>();
        if (oldName != newName)
        {
            changes.Add($"名前「{oldName}」→「{newName}」");
        }

        if (oldSlug != newSlug)
        {
            changes.Add($"スラッグ {oldSlug}→{newSlug}");
        }

        return $"{what}を変更：{string.Join("、", changes)}";
    }

    private async Task<List<Guid>> PublishedDocumentsAsync(IQueryable<int> fiscalYearIds, CancellationToken ct) =>
        await db.Documents
            .Where(d => d.FiscalYearId != null && fiscalYearIds.Contains(d.FiscalYearId.Value) && d.DeletedUtc == null && d.PublishedVersion != null)
            .Select(d => d.Id)
            .ToListAsync(ct);

    private void Audit(string user, string action, string target, string detail) => audit.Add(action, target, detail, actor: user);
}

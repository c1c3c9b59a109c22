using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Diff;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Editing;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Import;

public enum GoalImportAction
{
    /// <summary>新規作成（下書き）</summary>
    Create,
    /// <summary>下書きを更新</summary>
    Update,
    /// <summary>変更なし</summary>
    Unchanged,
}

/// <summary>What confirming would do with one sheet.</summary>
public sealed record GoalImportPlan(
    ParsedGoalSheet Sheet,
    Department? Department,
    FiscalYear? FiscalYear,
    Guid? DocumentId,
    GoalContent Result,
    GoalImportAction Action,
    IReadOnlyList<FieldDifference> Changes,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool CreatesFiscalYear => Department is not null && FiscalYear is null && Sheet.FiscalYear is not null;
}

/// <summary>The preview of one upload: a plan per sheet and every problem.</summary>
public sealed record ImportPreview(Guid SessionId, string FileName, IReadOnlyList<GoalImportPlan> Goals, IReadOnlyList<ImportProblem> FileNotices, IReadOnlyList<string> UnknownDepartments)
{
    public IEnumerable<ImportProblem> AllProblems => FileNotices.Concat(Goals.SelectMany(g => g.Problems));

    public bool CanConfirm => Goals.Count > 0 && !AllProblems.Any(p => p.Blocking);
}

/// <summary>What a confirmed import wrote.</summary>
public sealed record ImportOutcome(int Created, int Updated, int Unchanged, IReadOnlyList<Guid> DocumentIds);

/// <summary>The parse kept in an <see cref="ImportSession"/>.</summary>
public sealed record StoredUpload(IReadOnlyList<ParsedGoalSheet> Sheets, IReadOnlyList<ImportProblem> Notices);

/// <summary>
/// 取り込み: read an uploaded sheet file, keep its parse on the server, plan what each sheet would
/// create or change against the current drafts, and on confirmation write drafts (never publish),
/// all in one transaction with an audit entry.
/// </summary>
public sealed class SheetImporter(PortalDbContext db, ContentStore store, AuditLog audit, EditorAccess access, UserManager<PortalUser> users, TimeProvider clock)
{
    /// <summary>The largest file accepted (a department's workbook is a few hundred KB).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Reads an .xlsx workbook or the text export; throws <see cref="SheetFileException"/> for anything else.</summary>
    public static StoredUpload Read(byte[] bytes, DateOnly today)
    {
        if (bytes.LongLength > MaxFileBytes)
        {
            throw new SheetFileException($"ファイルが大きすぎます（{bytes.LongLength / 1024 / 1024}MB）。{MaxFileBytes / 1024 / 1024}MBまでのファイルを選んでください。");
        }

        IReadOnlyList<SheetGrid> grids;
        IReadOnlyList<ImportProblem> notices = [];
        if (XlsxWorkbookReader.LooksLikeZip(bytes))
        {
            var workbook = XlsxWorkbookReader.Read(bytes);
            (grids, notices) = (workbook.Sheets, workbook.Notices);
        }
        else if (TextExportReader.LooksLikeTextExport(bytes))
        {
            grids = TextExportReader.Read(System.Text.Encoding.UTF8.GetString(bytes));
        }
        else
        {
            throw new SheetFileException("Excel ブック（.xlsx）か、重点目標管理シートのテキスト書き出し（タブ区切り）を選んでください。選んだファイルはどちらでもありませんでした（.xls などの古い形式は、Excel で「.xlsx」として保存し直してください）。");
        }

        var sheets = GoalSheetParser.ParseAll(grids, today);
        if (sheets.Count == 0)
        {
            throw new SheetFileException("重点目標管理シートの書式のシートが見つかりません。「重点目標」「部局名」「優先順位」などのラベルのセルを消したり書き換えたりしていないか確かめてください。");
        }

        return new StoredUpload(sheets, notices);
    }

    public async Task<Guid> StartAsync(ClaimsPrincipal user, string fileName, StoredUpload upload, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ImportSessions.Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync(ct);
        var session = new ImportSession
        {
            Id = Guid.NewGuid(),
            UserId = users.GetUserId(user)!,
            FileName = Path.GetFileName(fileName).Length > 200 ? Path.GetFileName(fileName)[..200] : Path.GetFileName(fileName),
            CreatedUtc = now,
            ExpiresUtc = now + SessionLifetime,
            Json = ContentJson.Serialize(upload),
        };
        db.ImportSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>The preview of a kept upload, or null when it is not this user's, expired or already confirmed.</summary>
    public async Task<ImportPreview?> PreviewAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        var session = await FindSessionAsync(user, sessionId, ct);
        if (session is null)
        {
            return null;
        }

        var upload = ContentJson.Deserialize<StoredUpload>(session.Json);
        var today = TokyoTime.Today(clock);
        var departments = await db.Departments.AsNoTracking().Where(d => d.DeletedUtc == null).Include(d => d.FiscalYears).ToListAsync(ct);
        var plans = new List<GoalImportPlan>();
        var drafts = new Dictionary<int, List<(Guid Id, GoalContent Content)>>();
        foreach (var sheet in upload.Sheets)
        {
            plans.Add(await PlanAsync(user, sheet, departments, drafts, today, ct));
        }

        plans = MarkDuplicatePriorities(plans);
        var unknown = plans.Where(p => p.Department is null && p.Sheet.DepartmentName.Length > 0).Select(p => p.Sheet.DepartmentName).Distinct().ToList();
        return new ImportPreview(session.Id, session.FileName, plans, upload.Notices, unknown);
    }

    /// <summary>Writes every planned draft in one transaction, or nothing (null: no such session; a preview with problems is refused).</summary>
    public async Task<(ImportPreview? Preview, ImportOutcome? Outcome)> ConfirmAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        var preview = await PreviewAsync(user, sessionId, ct);
        if (preview is null || !preview.CanConfirm)
        {
            return (preview, null);
        }

        var actor = user.Identity!.Name!;
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            int created = 0, updated = 0;
            var ids = new List<Guid>();
            var newYears = new Dictionary<(int, int), int>();
            foreach (var plan in preview.Goals)
            {
                if (plan.Action == GoalImportAction.Unchanged)
                {
                    ids.Add(plan.DocumentId!.Value);
                    continue;
                }

                if (plan.Action == GoalImportAction.Update)
                {
                    await store.SaveDraftAsync(plan.DocumentId!.Value, plan.Result, actor, note: $"シート取り込み（{preview.FileName} {plan.Sheet.SheetName}）", ct: ct);
                    ids.Add(plan.DocumentId.Value);
                    updated++;
                }
                else
                {
                    var yearId = plan.FiscalYear?.Id ?? await FiscalYearAsync(plan.Department!, plan.Sheet.FiscalYear!.Value, newYears, actor, ct);
                    var document = await store.CreateAsync(DocumentKind.Goal, yearId, new DocumentPlacement(await FreeSlugAsync(yearId, plan.Result.Priority, ct), plan.Result.Priority), plan.Result, actor, ct);
                    ids.Add(document.Id);
                    created++;
                }

                // One goal at a time: nothing stays tracked, so a large workbook costs the same per goal.
                db.ChangeTracker.Clear();
            }

            audit.Add(AuditActions.ContentImport, preview.FileName, $"シート{preview.Goals.Count}枚を取り込み（新規{created}件・更新{updated}件・変更なし{preview.Goals.Count - created - updated}件、すべて下書き）", actor);
            await db.ImportSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new ImportOutcome(created, updated, preview.Goals.Count - created - updated, ids);
        });
        return (preview, outcome);
    }

    private async Task<ImportSession?> FindSessionAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        var userId = users.GetUserId(user);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ImportSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.ExpiresUtc > now, ct);
    }

    /// <param name="drafts">The goal drafts of each fiscal year already read, so a workbook of many sheets reads each year once.</param>
    private async Task<GoalImportPlan> PlanAsync(ClaimsPrincipal user, ParsedGoalSheet sheet, List<Department> departments, Dictionary<int, List<(Guid Id, GoalContent Content)>> drafts, DateOnly today, CancellationToken ct)
    {
        var problems = sheet.Problems.ToList();
        var department = departments.FirstOrDefault(d => d.Name == sheet.DepartmentName);
        if (department is null && sheet.DepartmentName.Length > 0)
        {
            problems.Add(new ImportProblem(sheet.DepartmentCell, $"部局名「{sheet.DepartmentName}」の部局は登録されていません。表記が正しければ部局を作成してから、もう一度取り込んでください（似た名前の部局に読み替えることはしません）。"));
        }
        else if (department is not null && !await access.CanEditAsync(user, new ContentArea(department.Id)))
        {
            problems.Add(new ImportProblem(sheet.DepartmentCell, $"「{department.Name}」の重点目標を取り込む権限がありません（部局担当は自分の部局だけ取り込めます）。"));
        }

        var year = department?.FiscalYears.FirstOrDefault(y => y.Year == sheet.FiscalYear && y.DeletedUtc == null);
        Guid? documentId = null;
        GoalContent? draft = null;
        if (year is not null && sheet.Content.Priority > 0)
        {
            if (!drafts.TryGetValue(year.Id, out var yearDrafts))
            {
                var scope = ContentDocument.GoalScope(year.Id);
                var documents = await db.Documents.AsNoTracking().Where(d => d.Scope == scope && d.Kind == DocumentKind.Goal && d.DeletedUtc == null)
                    .Join(db.Versions, d => new { DocumentId = d.Id, Number = d.DraftVersion }, v => new { v.DocumentId, v.Number }, (d, v) => new { d.Id, v.Json })
                    .ToListAsync(ct);
                drafts[year.Id] = yearDrafts = documents.Select(d => (d.Id, ContentJson.Deserialize<GoalContent>(d.Json))).ToList();
            }

            var match = yearDrafts.FirstOrDefault(d => d.Content.Priority == sheet.Content.Priority);
            if (match.Content is not null)
            {
                (documentId, draft) = (match.Id, match.Content);
            }
        }

        var result = SheetMerge.Apply(draft, sheet.Content, today);
        var changes = SheetFields.Compare(draft, result);
        var action = documentId is null ? GoalImportAction.Create : changes.Count == 0 ? GoalImportAction.Unchanged : GoalImportAction.Update;
        return new GoalImportPlan(sheet, department, year, documentId, result, action, changes, problems);
    }

    /// <summary>Two sheets may not claim the same 優先順位 of one department's year.</summary>
    private static List<GoalImportPlan> MarkDuplicatePriorities(List<GoalImportPlan> plans)
    {
        var duplicates = plans.Where(p => p.Sheet.Content.Priority > 0)
            .GroupBy(p => (p.Sheet.DepartmentName, p.Sheet.FiscalYear, p.Sheet.Content.Priority))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .ToHashSet();
        return plans.Select(p => duplicates.Contains(p)
            ? p with
            {
                Problems = [.. p.Problems, new ImportProblem(p.Sheet.PriorityCell, $"優先順位「{p.Sheet.Content.Priority}位」が、同じ部局・年度の別のシート（{string.Join("、", duplicates.Where(d => d != p && d.Sheet.DepartmentName == p.Sheet.DepartmentName && d.Sheet.Content.Priority == p.Sheet.Content.Priority).Select(d => d.Sheet.SheetName))}）と重複しています。")],
            }
            : p).ToList();
    }

    /// <summary>The sheet's year under its department, created (令和N年度, slug rN) when the department has none yet.</summary>
    private async Task<int> FiscalYearAsync(Department department, int year, Dictionary<(int, int), int> created, string actor, CancellationToken ct)
    {
        if (created.TryGetValue((department.Id, year), out var id))
        {
            return id;
        }

        var reiwa = year - 2018;
        var fiscalYear = new FiscalYear { DepartmentId = department.Id, Year = year, Slug = $"r{reiwa}", Heading = $"令和{reiwa}年度 重点目標" };
        db.FiscalYears.Add(fiscalYear);
        audit.Add(AuditActions.StructureChange, $"{department.Name} 令和{reiwa}年度", "シート取り込みで年度を作成", actor);
        await db.SaveChangesAsync(ct);
        created[(department.Id, year)] = fiscalYear.Id;
        return fiscalYear.Id;
    }

    /// <summary>A new goal's slug is its 優先順位 ("1", the design's /seisaku-kikaku/r6/1/); staff may rename it later.</summary>
    private async Task<string> FreeSlugAsync(int fiscalYearId, int priority, CancellationToken ct)
    {
        var scope = ContentDocument.GoalScope(fiscalYearId);
        var taken = await db.Documents.Where(d => d.Scope == scope).Select(d => d.Slug).ToListAsync(ct);
        var slug = priority.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{priority}-{n}";
        }

        return slug;
    }
}

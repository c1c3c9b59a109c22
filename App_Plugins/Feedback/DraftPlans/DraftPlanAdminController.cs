using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Kernel.Audit;
using UedaPublicGoals.Feedback.Hosting;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Kernel.Markdown;

namespace UedaPublicGoals.Feedback.DraftPlans;

/// <summary>A draft plan in the list: its newest version and whether that one is published.</summary>
public sealed record DraftPlanRow(DraftPlan Plan, DraftPlanVersion Newest, string ConsultationTitle);

public sealed record DraftPlanListModel(IReadOnlyList<DraftPlanRow> Rows);

/// <summary>
/// The edit page: the working version (the unpublished one, or what the next version would start
/// from), the published versions, and the outline the text splits into, so staff see the
/// paragraph numbers residents will cite before publishing.
/// </summary>
public sealed record DraftPlanEditModel(
    DraftPlan? Plan,
    DraftPlanForm Form,
    IReadOnlyList<Consultation> Consultations,
    IReadOnlyList<DraftPlanVersion> Versions,
    DraftOutline? Outline,
    string? PeriodWarning)
{
    public DraftPlanVersion? Unpublished => Versions.FirstOrDefault(v => v.PublishedUtc is null);

    public int NextNumber => Versions.Count == 0 ? 1 : Versions.Max(v => v.Number) + 1;
}

/// <summary>Action keys draft plans write to the host's audit log (target: the draft's slug), with the log viewer's words.</summary>
public static class DraftPlanAuditActions
{
    [AuditLabel("意見募集の案の保存")]
    public const string Save = "feedback.draft-plan.save";
    [AuditLabel("意見募集の案の公開")]
    public const string Publish = "feedback.draft-plan.publish";
}

/// <summary>
/// 意見募集の案 for 総合計画担当 and 管理者: write a draft in Markdown, set its comment period, publish.
/// Saving after a version was published starts the next version; published versions never change.
/// </summary>
[StaffRoute("drafts")]
[Authorize(Policy = FeedbackPolicies.Inbox)]
[AutoValidateAntiforgeryToken]
public sealed class DraftPlanAdminController(FeedbackDbContext db, MarkdownRenderer markdown, IFeedbackAudit audit, TimeProvider clock, StaffPaths staff) : Controller
{
    public const string ViewsPath = "/DraftPlans/Views/Staff/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Title"] = "意見募集の案";
        var plans = await db.DraftPlans.AsNoTracking().Include(d => d.Versions).OrderByDescending(d => d.CreatedUtc).ToListAsync(ct);
        var titles = await db.Consultations.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var rows = plans.Select(p => new DraftPlanRow(p, p.Versions.MaxBy(v => v.Number)!, titles.GetValueOrDefault(p.ConsultationId, ""))).ToList();
        return View(ViewsPath + "Index.cshtml", new DraftPlanListModel(rows));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var today = TokyoTime.ToTokyo(clock.GetUtcNow().UtcDateTime).Date;
        var form = new DraftPlanForm { OpensAt = today, ClosesAt = today.AddDays(DraftPlan.RecommendedPeriodDays + 1) };
        return await EditViewAsync(null, form, [], ct);
    }

    [HttpPost("new")]
    public async Task<IActionResult> New([Bind(Prefix = "Form")] DraftPlanForm form, CancellationToken ct)
    {
        await ValidateAsync(null, form, ct);
        if (!ModelState.IsValid)
        {
            return await EditViewAsync(null, form, [], ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new DraftPlan
        {
            ConsultationId = form.ConsultationId!.Value,
            Slug = form.Slug.Trim(),
            OpensUtc = form.OpensUtc(),
            ClosesUtc = form.ClosesUtc(),
            CreatedUtc = now,
            Versions = [NewVersion(1, form, now)],
        };
        db.DraftPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(DraftPlanAuditActions.Save, plan.Slug, $"案「{form.Title.Trim()}」第1版を作成", ct);
        TempData["Notice"] = $"案「{form.Title.Trim()}」を保存しました（第1版・未公開）。";
        return Redirect(EditUrl(plan.Id));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var plan = await LoadAsync(id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        var working = plan.Versions.FirstOrDefault(v => v.PublishedUtc is null) ?? plan.Versions.MaxBy(v => v.Number)!;
        return await EditViewAsync(plan, DraftPlanForm.From(plan, working), plan.Versions, ct);
    }

    /// <summary>Saves the period and the text: into the unpublished version, or as a new one when the newest is published and the text changed.</summary>
    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] DraftPlanForm form, CancellationToken ct)
    {
        var plan = await LoadAsync(id, ct, tracked: true);
        if (plan is null)
        {
            return NotFound();
        }

        form.Slug = plan.Slug; // the URL is fixed once the draft exists: printed links must keep working
        await ValidateAsync(plan, form, ct);
        if (!ModelState.IsValid)
        {
            return await EditViewAsync(plan, form, plan.Versions, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = User.Identity?.Name ?? "";
        plan.ConsultationId = form.ConsultationId!.Value;
        plan.OpensUtc = form.OpensUtc();
        plan.ClosesUtc = form.ClosesUtc();
        var newest = plan.Versions.MaxBy(v => v.Number)!;
        string notice;
        if (newest.PublishedUtc is null)
        {
            newest.Title = form.Title.Trim();
            newest.Body = form.Body;
            newest.UpdatedUtc = now;
            newest.EditedBy = actor;
            notice = $"第{newest.Number}版（未公開）を保存しました。";
        }
        else if (newest.Title != form.Title.Trim() || newest.Body != form.Body)
        {
            var next = NewVersion(newest.Number + 1, form, now);
            plan.Versions.Add(next);
            notice = $"公開中の第{newest.Number}版はそのまま残し、第{next.Number}版（未公開）として保存しました。公開すると第{next.Number}版が最新になります。";
        }
        else
        {
            notice = "募集期間などを保存しました（本文は変わっていないため、新しい版は作っていません）。";
        }

        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(DraftPlanAuditActions.Save, plan.Slug, notice, ct);
        TempData["Notice"] = notice;
        return Redirect(EditUrl(plan.Id));
    }

    /// <summary>Publishes the unpublished version. A short comment period is warned about, never refused.</summary>
    [HttpPost("{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, CancellationToken ct)
    {
        var plan = await LoadAsync(id, ct, tracked: true);
        if (plan is null)
        {
            return NotFound();
        }

        var working = plan.Versions.FirstOrDefault(v => v.PublishedUtc is null);
        if (working is null)
        {
            TempData["Notice"] = "公開していない版はありません。本文を直して保存すると、次の版ができます。";
            return Redirect(EditUrl(plan.Id));
        }

        working.PublishedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(DraftPlanAuditActions.Publish, plan.Slug, $"案「{working.Title}」第{working.Number}版を公開", ct);
        var warning = DraftPlanForm.PeriodWarning(plan.OpensUtc, plan.ClosesUtc);
        TempData["Notice"] = $"第{working.Number}版を公開しました（{DraftPlanPaths.Latest(plan.Slug)}）。" + (warning is null ? "" : " " + warning);
        return Redirect(EditUrl(plan.Id));
    }

    private string EditUrl(int id) => $"{staff.Root}/drafts/{id}";

    private static DraftPlanVersion NewVersion(int number, DraftPlanForm form, DateTime now) => new()
    {
        Number = number,
        Title = form.Title.Trim(),
        Body = form.Body,
        UpdatedUtc = now,
    };

    private async Task<DraftPlan?> LoadAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var plans = tracked ? db.DraftPlans : db.DraftPlans.AsNoTracking();
        var plan = await plans.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, ct);
        plan?.Versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        return plan;
    }

    private async Task<IActionResult> EditViewAsync(DraftPlan? plan, DraftPlanForm form, IReadOnlyList<DraftPlanVersion> versions, CancellationToken ct)
    {
        ViewData["Title"] = plan is null ? "案を追加" : $"案の編集：{form.Title}";
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.OpensUtc).ToListAsync(ct);
        var outline = string.IsNullOrWhiteSpace(form.Body) || form.Body.Length > DraftPlanVersion.BodyMaxLength ? null : DraftOutline.Split(form.Body, markdown);
        var warning = form.HasPlausiblePeriod ? DraftPlanForm.PeriodWarning(form.OpensUtc(), form.ClosesUtc()) : null;
        return View(ViewsPath + "Edit.cshtml", new DraftPlanEditModel(plan, form, consultations, versions, outline, warning));
    }

    private async Task ValidateAsync(DraftPlan? existing, DraftPlanForm form, CancellationToken ct)
    {
        if (form.ConsultationId is { } consultationId && !await db.Consultations.AnyAsync(c => c.Id == consultationId, ct))
        {
            ModelState.AddModelError("Form.ConsultationId", "意見募集を一覧から選んでください。");
        }

        var slug = form.Slug?.Trim() ?? "";
        if (existing is null && slug.Length > 0 && await db.DraftPlans.AnyAsync(d => d.Slug == slug, ct))
        {
            ModelState.AddModelError("Form.Slug", "このURLの名前はほかの案が使っています。別の名前にしてください。");
        }

        foreach (var (key, value) in new[] { ("Form.OpensAt", form.OpensAt), ("Form.ClosesAt", form.ClosesAt) })
        {
            if (value is not null && !DraftPlanForm.IsPlausible(value))
            {
                ModelState.AddModelError(key, "日時は2000年から2099年までの間で入力してください。");
            }
        }

        if (form.OpensAt is { } opens && form.ClosesAt is { } closes && closes <= opens)
        {
            ModelState.AddModelError("Form.ClosesAt", "意見の募集終了は募集開始より後の日時にしてください。");
        }

        if (!string.IsNullOrWhiteSpace(form.Body) && form.Body.Length <= DraftPlanVersion.BodyMaxLength && !DraftOutline.Split(form.Body, markdown).Paragraphs.Any())
        {
            ModelState.AddModelError("Form.Body", "本文に段落がありません。見出し（# 章、## 節）のあとに文章を書いてください。");
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Results;
using UedaPublicGoals.Feedback.Routing;
using UedaPublicGoals.Feedback.Hosting;

namespace UedaPublicGoals.Feedback.Admin;

public sealed record DepartmentChoice(string Slug, string Name);

public sealed record ConsultationEditModel(int? Id, ConsultationForm Form);

public sealed record RuleListModel(IReadOnlyList<RoutingRule> Rules, IReadOnlyDictionary<int, string> ConsultationTitles, Consultation? DefaultConsultation, IReadOnlyList<FeedbackGoal> Goals, IReadOnlyList<DepartmentChoice> Departments);

public sealed record RuleEditModel(int? Id, RoutingRuleForm Form, IReadOnlyList<Consultation> Consultations, IReadOnlyList<FeedbackGoal> Goals, IReadOnlyList<DepartmentChoice> Departments);

/// <summary>
/// 意見募集の設定 and 振り分けルール. The rules are only stored here; the resident side's router
/// reads them (in Order, first match wins, the default consultation catches the rest).
/// </summary>
[StaffRoute]
[Authorize(Policy = FeedbackPolicies.Inbox)]
[AutoValidateAntiforgeryToken]
public sealed class FeedbackAdminController(FeedbackDbContext db, IFeedbackGoalLookup goals, IFeedbackAudit audit, FeedbackResultsCache resultsCache, TimeProvider clock, StaffPaths staff) : Controller
{
    // ---- 意見募集 ----

    [HttpGet("consultations")]
    public async Task<IActionResult> Consultations(CancellationToken ct)
    {
        ViewData["Title"] = "意見募集の設定";
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.OpensUtc).ToListAsync(ct);
        return View(consultations);
    }

    [HttpGet("consultations/new")]
    public IActionResult NewConsultation()
    {
        ViewData["Title"] = "意見募集を追加";
        return View("ConsultationEdit", new ConsultationEditModel(null, new ConsultationForm { OpensAt = TokyoTime.ToTokyo(clock.GetUtcNow().UtcDateTime).Date }));
    }

    [HttpPost("consultations/new")]
    public async Task<IActionResult> NewConsultation([Bind(Prefix = "Form")] ConsultationForm form, CancellationToken ct)
    {
        ViewData["Title"] = "意見募集を追加";
        await ValidateConsultationAsync(null, form, ct);
        if (!ModelState.IsValid)
        {
            return View("ConsultationEdit", new ConsultationEditModel(null, form));
        }

        var consultation = new Consultation();
        form.ApplyTo(consultation);
        db.Consultations.Add(consultation);
        await MakeOnlyDefaultAsync(consultation, ct);
        await db.SaveChangesAsync(ct);
        await resultsCache.EvictAllAsync(ct); // the privacy notice lists every public consultation
        await audit.WriteAsync(InboxAuditActions.Consultation, consultation.Slug, $"意見募集「{consultation.Title}」を追加", ct);
        TempData["Notice"] = $"意見募集「{consultation.Title}」を追加しました。";
        return Redirect(staff.Root + "/consultations");
    }

    [HttpGet("consultations/{id:int}")]
    public async Task<IActionResult> EditConsultation(int id, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"意見募集の編集：{consultation.Title}";
        return View("ConsultationEdit", new ConsultationEditModel(id, ConsultationForm.From(consultation)));
    }

    [HttpPost("consultations/{id:int}")]
    public async Task<IActionResult> EditConsultation(int id, [Bind(Prefix = "Form")] ConsultationForm form, CancellationToken ct)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"意見募集の編集：{consultation.Title}";
        await ValidateConsultationAsync(consultation, form, ct);
        if (!ModelState.IsValid)
        {
            return View("ConsultationEdit", new ConsultationEditModel(id, form));
        }

        form.ApplyTo(consultation);
        await MakeOnlyDefaultAsync(consultation, ct);
        await db.SaveChangesAsync(ct);
        // Title, slug, fields (the results page's groups), visibility and retention show on the
        // results pages and on the privacy notice, which is cached under the same policy.
        await resultsCache.EvictAllAsync(ct);
        await audit.WriteAsync(InboxAuditActions.Consultation, consultation.Slug, $"意見募集「{consultation.Title}」を変更", ct);
        TempData["Notice"] = $"意見募集「{consultation.Title}」を保存しました。";
        return Redirect(staff.Root + "/consultations");
    }

    private async Task ValidateConsultationAsync(Consultation? existing, ConsultationForm form, CancellationToken ct)
    {
        var slug = form.Slug?.Trim() ?? "";
        if (slug.Length > 0 && await db.Consultations.AnyAsync(c => c.Slug == slug && (existing == null || c.Id != existing.Id), ct))
        {
            ModelState.AddModelError("Form.Slug", "このURLの名前はほかの意見募集が使っています。別の名前にしてください。");
        }
        else if (slug == Surveys.SurveyPaths.Segment)
        {
            // /iken/anketo/… are the surveys' pages: a consultation there could never be reached.
            ModelState.AddModelError("Form.Slug", "このURLの名前はアンケートのページが使っています。別の名前にしてください。");
        }

        if (slug == DraftPlans.DraftPlanPaths.Segment)
        {
            ModelState.AddModelError("Form.Slug", $"「{slug}」は案のページ（/iken/{slug}/…）が使うため、意見募集のURLの名前にはできません。");
        }

        if (!string.IsNullOrWhiteSpace(form.FieldsText) && form.Fields.FirstOrDefault(f => f.Length > 100) is { } longField)
        {
            ModelState.AddModelError("Form.FieldsText", $"分野は1つ100文字以内にしてください（「{longField[..20]}…」）。");
        }

        if (form.OpensAt is { } opens && form.ClosesAt is { } closes && closes <= opens)
        {
            ModelState.AddModelError("Form.ClosesAt", "受付終了は受付開始より後の日時にしてください。");
        }

        var invalidEmail = form.StaffEmails.FirstOrDefault(e => !Forms.SingleEmailAddressAttribute.IsValid(e));
        if (invalidEmail is not null)
        {
            ModelState.AddModelError("Form.StaffEmailsText", $"「{invalidEmail}」はメールアドレスの形になっていません。1行に1つずつ、区切りの「,」や名前を付けずに入力してください。");
        }

        if (!Enum.IsDefined(form.Notification))
        {
            ModelState.AddModelError("Form.Notification", "通知の方法を選んでください。");
        }

        if (existing is { IsDefault: true } && !form.IsDefault)
        {
            ModelState.AddModelError("Form.IsDefault", "既定の意見募集は必ず1つ必要です。外すときは、ほかの意見募集を既定にしてください。");
        }
    }

    /// <summary>Exactly one consultation catches the comments no rule matched.</summary>
    private async Task MakeOnlyDefaultAsync(Consultation consultation, CancellationToken ct)
    {
        if (!consultation.IsDefault)
        {
            return;
        }

        foreach (var other in await db.Consultations.Where(c => c.IsDefault && c.Id != consultation.Id).ToListAsync(ct))
        {
            other.IsDefault = false;
        }
    }

    // ---- 振り分けルール ----

    [HttpGet("routing")]
    public async Task<IActionResult> Rules(CancellationToken ct)
    {
        ViewData["Title"] = "振り分けルール";
        var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().ToListAsync(ct);
        var goalList = goals.All();
        return View(new RuleListModel(rules, consultations.ToDictionary(c => c.Id, c => c.Title), consultations.FirstOrDefault(c => c.IsDefault), goalList, Departments(goalList)));
    }

    [HttpGet("routing/new")]
    public async Task<IActionResult> NewRule(CancellationToken ct)
    {
        ViewData["Title"] = "振り分けルールを追加";
        var defaultConsultation = await db.Consultations.Where(c => c.IsDefault).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        return View("RuleEdit", await RuleEditModelAsync(null, new RoutingRuleForm { ConsultationId = defaultConsultation }, ct));
    }

    [HttpPost("routing/new")]
    public async Task<IActionResult> NewRule([Bind(Prefix = "Form")] RoutingRuleForm form, CancellationToken ct)
    {
        ViewData["Title"] = "振り分けルールを追加";
        await ValidateRuleAsync(form, null, ct);
        if (!ModelState.IsValid)
        {
            return View("RuleEdit", await RuleEditModelAsync(null, form, ct));
        }

        var rule = new RoutingRule { Order = (await db.RoutingRules.MaxAsync(r => (int?)r.Order, ct) ?? 0) + 1 };
        form.ApplyTo(rule);
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(InboxAuditActions.Routing, RuleTarget(rule), $"ルール「{rule.Name}」を追加（{RuleText.Conditions(rule, goals)}）", ct);
        TempData["Notice"] = $"ルール「{rule.Name}」を追加しました。いちばん下（最後に調べる位置）に入れています。";
        return Redirect(staff.Root + "/routing");
    }

    [HttpGet("routing/{id:int}")]
    public async Task<IActionResult> EditRule(int id, CancellationToken ct)
    {
        var rule = await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"振り分けルールの編集：{rule.Name}";
        return View("RuleEdit", await RuleEditModelAsync(id, RoutingRuleForm.From(rule), ct));
    }

    [HttpPost("routing/{id:int}")]
    public async Task<IActionResult> EditRule(int id, [Bind(Prefix = "Form")] RoutingRuleForm form, CancellationToken ct)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"振り分けルールの編集：{rule.Name}";
        await ValidateRuleAsync(form, rule, ct);
        if (!ModelState.IsValid)
        {
            return View("RuleEdit", await RuleEditModelAsync(id, form, ct));
        }

        form.ApplyTo(rule);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(InboxAuditActions.Routing, RuleTarget(rule), $"ルール「{rule.Name}」を変更（{RuleText.Conditions(rule, goals)}）", ct);
        TempData["Notice"] = $"ルール「{rule.Name}」を保存しました。";
        return Redirect(staff.Root + "/routing");
    }

    /// <summary>Moves a rule one place up (tried earlier) or down, renumbering 1..n so Order never has ties.</summary>
    [HttpPost("routing/{id:int}/move")]
    public async Task<IActionResult> MoveRule(int id, [FromForm] string direction, CancellationToken ct)
    {
        var rules = await db.RoutingRules.OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        var index = rules.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return NotFound();
        }

        var target = direction == "up" ? index - 1 : direction == "down" ? index + 1 : -1;
        if (target < 0 || target >= rules.Count)
        {
            TempData["Notice"] = "これ以上は動かせません。";
            return Redirect(staff.Root + "/routing");
        }

        (rules[index], rules[target]) = (rules[target], rules[index]);
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].Order = i + 1;
        }

        await db.SaveChangesAsync(ct);
        var moved = rules[target];
        await audit.WriteAsync(InboxAuditActions.Routing, RuleTarget(moved), $"ルール「{moved.Name}」の順番を{moved.Order}番目に変更", ct);
        TempData["Notice"] = $"ルール「{moved.Name}」を{moved.Order}番目にしました。";
        return Redirect(staff.Root + "/routing");
    }

    [HttpPost("routing/{id:int}/enabled")]
    public async Task<IActionResult> SetRuleEnabled(int id, [FromForm] bool enabled, CancellationToken ct)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        if (rule.IsEnabled != enabled)
        {
            rule.IsEnabled = enabled;
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(InboxAuditActions.Routing, RuleTarget(rule), $"ルール「{rule.Name}」を{(enabled ? "有効" : "無効")}に変更", ct);
        }

        TempData["Notice"] = $"ルール「{rule.Name}」を{(enabled ? "有効にしました" : "無効にしました（振り分けに使いません）")}。";
        return Redirect(staff.Root + "/routing");
    }

    [HttpGet("routing/{id:int}/delete")]
    public async Task<IActionResult> DeleteRule(int id, CancellationToken ct)
    {
        var rule = await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"振り分けルールの削除：{rule.Name}";
        return View("RuleDelete", rule);
    }

    [HttpPost("routing/{id:int}/delete")]
    [ActionName("DeleteRule")]
    public async Task<IActionResult> DeleteRuleConfirmed(int id, CancellationToken ct)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        // Comments it routed keep their consultation; their RoutingRuleId becomes null (FK SetNull).
        db.RoutingRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(InboxAuditActions.Routing, RuleTarget(rule), $"ルール「{rule.Name}」を削除（{RuleText.Conditions(rule, goals)}）", ct);
        TempData["Notice"] = $"ルール「{rule.Name}」を削除しました。";
        return Redirect(staff.Root + "/routing");
    }

    private async Task ValidateRuleAsync(RoutingRuleForm form, RoutingRule? existing, CancellationToken ct)
    {
        if (!form.HasCondition)
        {
            ModelState.AddModelError("Form.GoalDocumentId", "条件（重点目標・部局・分野・キーワード）を1つ以上指定してください。条件のない意見は既定の意見募集に入ります。");
        }

        if (form.GoalDocumentId is { } goalId && goals.Find(goalId) is null && existing?.GoalDocumentId != goalId)
        {
            ModelState.AddModelError("Form.GoalDocumentId", "重点目標を一覧から選んでください。");
        }

        var department = form.DepartmentSlug?.Trim();
        if (!string.IsNullOrEmpty(department) && !Departments(goals.All()).Any(d => d.Slug == department) && existing?.DepartmentSlug != department)
        {
            ModelState.AddModelError("Form.DepartmentSlug", "部局を一覧から選んでください。");
        }

        if (form.ConsultationId is { } consultationId && !await db.Consultations.AnyAsync(c => c.Id == consultationId, ct))
        {
            ModelState.AddModelError("Form.ConsultationId", "振り分け先の意見募集を一覧から選んでください。");
        }
    }

    private async Task<RuleEditModel> RuleEditModelAsync(int? id, RoutingRuleForm form, CancellationToken ct)
    {
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Title).ToListAsync(ct);
        var goalList = goals.All().OrderBy(g => g.DepartmentName).ThenBy(g => g.FiscalYearLabel).ThenBy(g => g.Title).ToList();
        return new RuleEditModel(id, form, consultations, goalList, Departments(goalList));
    }

    private static List<DepartmentChoice> Departments(IEnumerable<FeedbackGoal> goalList) =>
        goalList.GroupBy(g => g.DepartmentSlug).Select(g => new DepartmentChoice(g.Key, g.First().DepartmentName)).OrderBy(d => d.Name).ToList();

    private static string RuleTarget(RoutingRule rule) => $"routing-rule:{rule.Id}";
}

/// <summary>A rule's conditions in words, for the list and the audit log.</summary>
public static class RuleText
{
    public static string Conditions(RoutingRule rule, IFeedbackGoalLookup goals)
    {
        var parts = new List<string>();
        if (rule.GoalDocumentId is { } goalId)
        {
            parts.Add($"重点目標「{goals.Find(goalId)?.Title ?? "（公開されていない目標）"}」");
        }

        if (rule.DepartmentSlug is { } slug)
        {
            var name = goals.All().FirstOrDefault(g => g.DepartmentSlug == slug)?.DepartmentName;
            parts.Add($"部局「{name ?? slug}」");
        }

        if (rule.Field is { } field)
        {
            parts.Add($"分野「{field}」");
        }

        if (rule.Keyword is { } keyword)
        {
            parts.Add($"本文に「{keyword}」を含む");
        }

        return parts.Count == 0 ? "条件なし" : string.Join(" かつ ", parts);
    }
}

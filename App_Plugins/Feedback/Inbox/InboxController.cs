using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Hosting;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>The 意見受付箱: every comment from every channel, for 総合計画担当 and 管理者.</summary>
[StaffRoute]
[Authorize(Policy = FeedbackPolicies.Inbox)]
[AutoValidateAntiforgeryToken]
public sealed class InboxController(
    InboxService inbox,
    FeedbackDbContext db,
    IFeedbackGoalLookup goals,
    InboxContacts contacts,
    InboxAssignees assignees,
    TimeProvider clock,
    StaffPaths staff,
    DraftPlans.DraftPlanReader drafts) : Controller
{
    public const string ConflictMessage =
        "この意見は、あなたが画面を開いたあとに別の担当者が更新しました。保存していません。最新の内容を表示していますので、確認してからもう一度操作してください。";

    [RejectUnusableDateRange]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] InboxFilter filter, CancellationToken ct)
    {
        ViewData["Title"] = "意見受付箱";
        var page = await inbox.ListAsync(filter, ct);
        filter.Page = page.Page;
        return View(new InboxListModel(filter, page, await LoadChoicesAsync(ct), InboxContacts.MayRead(User), new BulkForm { ReturnQuery = filter.ToQueryString(page.Page) },
            await assignees.ChoicesAsync(ct)));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Detail(long id, CancellationToken ct)
    {
        var model = await LoadDetailAsync(id, null, null, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Save(long id, [Bind(Prefix = "Handling")] HandlingForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.Status))
        {
            ModelState.AddModelError("Handling.Status", "状態を選んでください。");
        }

        if (form.Status == CommentStatus.Hidden && string.IsNullOrWhiteSpace(form.HiddenReason))
        {
            ModelState.AddModelError("Handling.HiddenReason", "非表示にする理由を入力してください（例：宣伝・スパム、特定の人への誹謗中傷）。");
        }

        var storedAssignee = await db.Comments.Where(c => c.Id == id).Select(c => c.AssigneeEmail).FirstOrDefaultAsync(ct);
        if (!InboxAssignees.IsChoosable(await assignees.ChoicesAsync(ct), form.AssigneeEmail, storedAssignee))
        {
            ModelState.AddModelError("Handling.AssigneeEmail", InboxAssignees.UnknownMessage);
        }

        if (!ModelState.IsValid)
        {
            var invalid = await LoadDetailAsync(id, form, null, ct);
            return invalid is null ? NotFound() : View("Detail", invalid);
        }

        var result = await inbox.SaveHandlingAsync(id, form, ct);
        switch (result.Outcome)
        {
            case HandlingOutcome.NotFound:
                return NotFound();
            case HandlingOutcome.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                var current = await LoadDetailAsync(id, null, form, ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return current is null ? NotFound() : View("Detail", current);
            case HandlingOutcome.NeedsResponseConfirmation:
                ModelState.AddModelError("Handling.IsPublished",
                    "市の考え方がまだ書かれていません。このまま公開すると、意見だけが結果ページに載ります。市の考え方を書くか、「市の考え方なしで公開する」にチェックを入れて、もう一度保存してください。何も保存していません。");
                var confirm = await LoadDetailAsync(id, form, null, ct);
                return confirm is null ? NotFound() : View("Detail", confirm);
            case HandlingOutcome.Unchanged:
                TempData["Notice"] = "変更はありませんでした。";
                break;
            default:
                TempData["Notice"] = "保存しました：" + string.Join("、", result.Changes);
                break;
        }

        return Redirect(staff.Comment(id));
    }

    [HttpPost("{id:long}/notes")]
    public async Task<IActionResult> AddNote(long id, [Bind(Prefix = "Note")] NoteForm note, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            var invalid = await LoadDetailAsync(id, null, null, ct, note);
            return invalid is null ? NotFound() : View("Detail", invalid);
        }

        if (!await inbox.AddNoteAsync(id, note.Text, User.Identity!.Name!, ct))
        {
            return NotFound();
        }

        TempData["Notice"] = "内部メモを追加しました。";
        return Redirect(staff.Comment(id) + "#notes");
    }

    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk([Bind(Prefix = "Bulk")] BulkForm bulk, CancellationToken ct)
    {
        var back = staff.Root + SafeQuery(bulk.ReturnQuery);
        if (bulk.Ids.Count == 0)
        {
            TempData["Notice"] = "一括変更する意見にチェックを入れてください。何も変更していません。";
            return Redirect(back);
        }

        var changesAssignee = !string.IsNullOrEmpty(bulk.Assignee);
        if (bulk.Status is null && !changesAssignee)
        {
            TempData["Notice"] = "変更後の状態か担当者を選んでください。何も変更していません。";
            return Redirect(back);
        }

        if (bulk.Status is { } status && !Enum.IsDefined(status) || ModelState.TryGetValue("Bulk.Status", out var posted) && posted.Errors.Count > 0)
        {
            TempData["Notice"] = "変更後の状態を選んでください。何も変更していません。";
            return Redirect(back);
        }

        if (bulk.Status == CommentStatus.Hidden && string.IsNullOrWhiteSpace(bulk.HiddenReason))
        {
            TempData["Notice"] = "非表示にするときは理由を入力してください。何も変更していません。";
            return Redirect(back);
        }

        if (!ModelState.IsValid)
        {
            TempData["Notice"] = "理由は500文字以内にしてください。何も変更していません。";
            return Redirect(back);
        }

        var assignee = bulk.Assignee == BulkForm.Unassign ? null : InboxAssignees.Normalize(bulk.Assignee);
        if (changesAssignee && !InboxAssignees.IsChoosable(await assignees.ChoicesAsync(ct), assignee))
        {
            TempData["Notice"] = InboxAssignees.UnknownMessage;
            return Redirect(back);
        }

        var change = new BulkChange(bulk.Status, bulk.HiddenReason, changesAssignee, assignee);
        var changed = await inbox.BulkChangeAsync(bulk.Ids, change, ct);
        TempData["Notice"] = changed.Count == 0
            ? "選んだ意見はすでにその状態でした。"
            : $"{changed.Count}件を{change.Describe()}にしました（{string.Join("、", changed)}）。";
        return Redirect(back);
    }

    /// <summary>The entry form; after "登録して次を入力" it comes back with the batch's consultation, channel and date.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> Entry(int? consultation, CommentChannel? channel, DateOnly? receivedOn, CancellationToken ct)
    {
        ViewData["Title"] = "紙などで受け付けた意見の登録";
        var choices = await LoadChoicesAsync(ct);
        var form = new EntryForm
        {
            ConsultationId = choices.Consultations.FirstOrDefault(c => c.Id == consultation)?.Id ?? choices.Consultations.FirstOrDefault(c => c.IsDefault)?.Id,
            Channel = channel is { } c && CommentChannels.IsTypedInByStaff(c) ? c : null,
            ReceivedOn = receivedOn ?? TokyoTime.DateOf(clock.GetUtcNow().UtcDateTime),
        };
        return View(new EntryModel(form, choices));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Entry([Bind(Prefix = "Form")] EntryForm form, [FromForm] bool next, CancellationToken ct)
    {
        ViewData["Title"] = "紙などで受け付けた意見の登録";
        var choices = await LoadChoicesAsync(ct);
        var consultation = choices.Consultations.FirstOrDefault(c => c.Id == form.ConsultationId);
        if (form.ConsultationId is not null && consultation is null)
        {
            ModelState.AddModelError("Form.ConsultationId", "意見募集を一覧から選んでください。");
        }

        if (form.Channel is { } channel && !CommentChannels.IsTypedInByStaff(channel))
        {
            ModelState.AddModelError("Form.Channel", "WEB以外の受付経路（郵送、ワークショップなど）を選んでください。WEBの意見は自動で届きます。");
        }

        if (form.ReceivedOn is { } receivedOn && receivedOn > TokyoTime.DateOf(clock.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError("Form.ReceivedOn", "受け付けた日に未来の日付は入力できません。");
        }

        if (!string.IsNullOrWhiteSpace(form.Field) && consultation is not null && !consultation.Fields.Contains(form.Field.Trim()))
        {
            ModelState.AddModelError("Form.Field", $"分野は「{consultation.Title}」の分野から選んでください。");
        }

        if (form.AgeGroup is { } age && !Enum.IsDefined(age))
        {
            ModelState.AddModelError("Form.AgeGroup", "年代を一覧から選んでください。");
        }

        if (form.Residence is { } residence && !Enum.IsDefined(residence))
        {
            ModelState.AddModelError("Form.Residence", "住まいを一覧から選んでください。");
        }

        FeedbackGoal? goal = null;
        if (form.GoalDocumentId is { } goalId && (goal = goals.Find(goalId)) is null)
        {
            ModelState.AddModelError("Form.GoalDocumentId", "重点目標を一覧から選んでください。");
        }

        if (!ModelState.IsValid)
        {
            return View(new EntryModel(form, choices));
        }

        var comment = await inbox.EnterAsync(form, User.Identity!.Name!, goal, ct);
        TempData["Notice"] = $"受付番号 {comment.ReceiptNumber} で登録しました。" + (next ? "続けて次の意見を入力できます。" : "");
        // A stack of letters from one day is typed in one after another: keep what they share.
        return next
            ? Redirect($"{staff.Root}/new?consultation={comment.ConsultationId}&channel={comment.Channel}&receivedOn={form.ReceivedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
            : Redirect(staff.Comment(comment.Id));
    }

    private async Task<CommentDetailModel?> LoadDetailAsync(long id, HandlingForm? typed, HandlingForm? rejected, CancellationToken ct, NoteForm? note = null)
    {
        var comment = await inbox.FindAsync(id, ct);
        if (comment is null)
        {
            return null;
        }

        ViewData["Title"] = $"意見 {comment.ReceiptNumber}";
        var consultationTitle = await db.Consultations.Where(c => c.Id == comment.ConsultationId).Select(c => c.Title).FirstOrDefaultAsync(ct) ?? "";
        var ruleName = comment.RoutingRuleId is { } ruleId
            ? await db.RoutingRules.Where(r => r.Id == ruleId).Select(r => r.Name).FirstOrDefaultAsync(ct)
            : null;

        return new CommentDetailModel
        {
            Comment = comment,
            ConsultationTitle = consultationTitle,
            RoutingRuleName = ruleName,
            Goal = comment.GoalDocumentId is { } goalId ? goals.Find(goalId) : null,
            Paragraph = await drafts.DescribeAsync(comment, ct),
            // Every rendering that shows an address is audited, also after a refused save.
            Contact = InboxContacts.MayRead(User) ? await contacts.RevealAsync(User, comment, ct) : null,
            Handling = typed ?? new HandlingForm
            {
                Stamp = comment.ConcurrencyStamp,
                Status = comment.Status,
                HiddenReason = comment.HiddenReason,
                AssigneeEmail = comment.AssigneeEmail,
                CityResponse = comment.CityResponse,
                IsPublished = comment.IsPublished,
            },
            Note = note ?? new NoteForm(),
            RejectedInput = rejected,
            Assignees = await assignees.ChoicesAsync(ct),
        };
    }

    private async Task<InboxChoices> LoadChoicesAsync(CancellationToken ct)
    {
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Title).ToListAsync(ct);
        var fields = consultations.SelectMany(c => c.Fields)
            .Concat(await db.Comments.Where(c => c.Field != null).Select(c => c.Field!).Distinct().ToListAsync(ct))
            .Distinct().ToList();
        var goalList = goals.All().OrderBy(g => g.DepartmentName).ThenBy(g => g.FiscalYearLabel).ThenBy(g => g.Title).ToList();
        return new InboxChoices(consultations, fields, goalList) { Drafts = await drafts.ChoicesAsync(ct) };
    }

    /// <summary>Only a query string of our own list goes back into the redirect, never another URL.</summary>
    internal static string SafeQuery(string? query) =>
        !string.IsNullOrEmpty(query) && query.StartsWith('?') && !query.Contains("//", StringComparison.Ordinal) && !query.Contains('\\') && !query.Any(char.IsControl) ? query : "";
}

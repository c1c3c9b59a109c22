using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Hosting;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.ResultNotice;

public sealed record NoticeListItem(Consultation Consultation, ResultNoticeVersion? Latest);

public sealed record NoticeStaffModel(NoticeDraft Draft, NoticeSettingsForm Settings, IReadOnlyList<ResultNoticeVersion> Versions, IReadOnlyList<MissingOpinion> Refused);

public sealed record ClassificationModel(Comment Comment, IReadOnlyList<string> Categories, ClassificationForm Form, string? NoticeUrl);

/// <summary>
/// 結果公示 in the backoffice (…/feedback/notice): the category list, the draft's date and changes,
/// the completeness check, a preview, publishing and the versions; and the 分類 of each opinion.
/// </summary>
[StaffRoute("notice")]
[Authorize(Policy = FeedbackPolicies.Inbox)]
[AutoValidateAntiforgeryToken]
public sealed class ResultNoticeStaffController(FeedbackDbContext db, ResultNoticeBuilder builder, ResultNoticeService notices, StaffPaths staff) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Title"] = "結果公示";
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Title).ToListAsync(ct);
        var latest = await db.ResultNoticeVersions.AsNoTracking()
            .GroupBy(v => v.ConsultationId)
            .Select(g => g.OrderByDescending(v => v.Number).First())
            .ToListAsync(ct);
        return View(consultations.Select(c => new NoticeListItem(c, latest.FirstOrDefault(v => v.ConsultationId == c.Id))).ToList());
    }

    [HttpGet("{consultationId:int}")]
    public async Task<IActionResult> Consultation(int consultationId, CancellationToken ct)
    {
        var model = await LoadAsync(consultationId, null, [], ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{consultationId:int}/settings")]
    public async Task<IActionResult> SaveSettings(int consultationId, [Bind(Prefix = "Settings")] NoticeSettingsForm form, CancellationToken ct)
    {
        InJapanese("Settings.DraftPublishedOn", "案の公表日は、カレンダーから選ぶか 2026-09-15 の形で入力してください。");
        if (form.CategoryList().FirstOrDefault(c => c.Length > ResultNoticeSettings.CategoryMaxLength) is { } tooLong)
        {
            ModelState.AddModelError("Settings.Categories", $"分類「{tooLong[..20]}…」が長すぎます。1つの分類は100文字以内にしてください。");
        }

        if (!ModelState.IsValid)
        {
            var invalid = await LoadAsync(consultationId, form, [], ct);
            return invalid is null ? NotFound() : View("Consultation", invalid);
        }

        if (!await db.Consultations.AnyAsync(c => c.Id == consultationId, ct))
        {
            return NotFound();
        }

        await notices.SaveSettingsAsync(consultationId, form, ct);
        TempData["Notice"] = "結果公示の設定を保存しました。";
        return Redirect($"{staff.Notice(consultationId)}");
    }

    [HttpPost("{consultationId:int}/publish")]
    public async Task<IActionResult> Publish(int consultationId, CancellationToken ct)
    {
        var result = await notices.PublishAsync(consultationId, User.Identity!.Name!, ct);
        switch (result.Outcome)
        {
            case PublishOutcome.NotFound:
                return NotFound();
            case PublishOutcome.Incomplete:
                ModelState.AddModelError(string.Empty,
                    $"結果公示を公開できません。非表示にしていない意見のうち{result.Missing.Count}件に、分類・反映状況・市の考え方のいずれかがありません（下の一覧）。すべての意見を公示に載せるか、理由を付けて非表示にしてから、もう一度公開してください。何も公開していません。");
                var refused = await LoadAsync(consultationId, null, result.Missing, ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return refused is null ? NotFound() : View("Consultation", refused);
            case PublishOutcome.Unchanged:
                TempData["Notice"] = $"第{result.Version!.Number}版から変更がないため、新しい版は作りませんでした。";
                break;
            default:
                TempData["Notice"] = $"結果公示 第{result.Version!.Number}版を公開しました。";
                break;
        }

        return Redirect(staff.Notice(consultationId));
    }

    [HttpGet("classify/{commentId:long}")]
    public async Task<IActionResult> Classify(long commentId, CancellationToken ct)
    {
        var model = await LoadClassificationAsync(commentId, null, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("classify/{commentId:long}")]
    public async Task<IActionResult> Classify(long commentId, [Bind(Prefix = "Form")] ClassificationForm form, CancellationToken ct)
    {
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null)
        {
            return NotFound();
        }

        var categories = await notices.CategoriesAsync(comment.ConsultationId, ct);
        if (!string.IsNullOrWhiteSpace(form.Category) && !categories.Contains(form.Category.Trim()))
        {
            ModelState.AddModelError("Form.Category", "分類は一覧から選んでください（一覧は結果公示の設定で編集できます）。");
        }

        InJapanese("Form.Uptake", UptakeMessage);
        if (form.Uptake is { } uptake && !Enum.IsDefined(uptake))
        {
            ModelState.AddModelError("Form.Uptake", UptakeMessage);
        }

        if (ModelState.IsValid)
        {
            var (outcome, detail) = await notices.ClassifyAsync(commentId, form, ct);
            switch (outcome)
            {
                case ClassificationOutcome.NotFound:
                    return NotFound();
                case ClassificationOutcome.Conflict:
                    ModelState.AddModelError(string.Empty, InboxController.ConflictMessage);
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    break;
                case ClassificationOutcome.Unchanged:
                    TempData["Notice"] = "結果公示の分類に変更はありませんでした。";
                    return Redirect(staff.Comment(commentId) + "#classification-heading");
                default:
                    TempData["Notice"] = "結果公示の分類を保存しました：" + detail;
                    return Redirect(staff.Comment(commentId) + "#classification-heading");
            }
        }

        // Errors (or a lost race) keep what the officer typed, on this page of its own.
        var model = await LoadClassificationAsync(commentId, form, ct);
        return model is null ? NotFound() : View("Classify", model);
    }

    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk([Bind(Prefix = "Bulk")] BulkClassificationForm bulk, CancellationToken ct)
    {
        var back = staff.Root + InboxController.SafeQuery(bulk.ReturnQuery);
        if (bulk.Ids.Count == 0)
        {
            TempData["Notice"] = "分類を付ける意見にチェックを入れてください。何も変更していません。";
        }
        else if (string.IsNullOrWhiteSpace(bulk.Category) && bulk.Uptake is null)
        {
            TempData["Notice"] = "付ける分類か反映状況を選んでください。何も変更していません。";
        }
        else if (!ModelState.IsValid || bulk.Uptake is { } uptake && !Enum.IsDefined(uptake))
        {
            TempData["Notice"] = "分類と反映状況は一覧から選んでください。何も変更していません。";
        }
        else
        {
            var (changed, wrong) = await notices.BulkClassifyAsync(bulk.Ids, bulk.Category, bulk.Uptake, ct);
            TempData["Notice"] = wrong.Count > 0
                ? $"分類「{bulk.Category!.Trim()}」は、次の意見の意見募集の分類にありません：{string.Join("、", wrong)}。何も変更していません。"
                : changed.Count == 0
                    ? "選んだ意見はすでにその分類・反映状況でした。"
                    : $"{changed.Count}件に結果公示の分類を付けました（{string.Join("、", changed)}）。";
        }

        return Redirect(back);
    }

    private const string UptakeMessage = "反映状況を一覧から選んでください。";

    /// <summary>A value the model binder could not read (a date or choice not sent by our form) gets a Japanese message instead of the framework's English one.</summary>
    private void InJapanese(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            ModelState.AddModelError(key, message);
        }
    }

    private async Task<NoticeStaffModel?> LoadAsync(int consultationId, NoticeSettingsForm? typed, IReadOnlyList<MissingOpinion> refused, CancellationToken ct)
    {
        var draft = await builder.BuildAsync(consultationId, ct);
        if (draft is null)
        {
            return null;
        }

        ViewData["Title"] = $"結果公示（{draft.Consultation.Title}）";
        var settings = typed ?? new NoticeSettingsForm
        {
            Categories = string.Join("\n", draft.Settings.Categories),
            DraftPublishedOn = draft.Settings.DraftPublishedOn,
            ChangesFromDraft = draft.Settings.ChangesFromDraft,
        };
        return new NoticeStaffModel(draft, settings, await notices.VersionsAsync(consultationId, ct), refused);
    }

    private async Task<ClassificationModel?> LoadClassificationAsync(long commentId, ClassificationForm? typed, CancellationToken ct)
    {
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null)
        {
            return null;
        }

        ViewData["Title"] = $"結果公示の分類（意見 {comment.ReceiptNumber}）";
        var form = typed ?? new ClassificationForm { Stamp = comment.ConcurrencyStamp, Category = comment.OpinionCategory, Uptake = comment.Uptake, Gist = comment.Gist };
        return new ClassificationModel(comment, await notices.CategoriesAsync(comment.ConsultationId, ct), form, staff.Notice(comment.ConsultationId));
    }
}

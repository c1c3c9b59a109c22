using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Backoffice.Editing;
using UedaPublicGoals.Backoffice.Diff;

namespace UedaPublicGoals.Backoffice.Approvals;

/// <summary>広報's inbox of 承認依頼: review what a version changes, then approve (publish) or send back.</summary>
[Route("backoffice/approvals")]
[Authorize(Policy = BackofficePolicies.PublishContent)]
public sealed class ApprovalsController(ApprovalWorkflow approvals) : Controller
{
    private const string ViewFolder = "~/Backoffice/Views/Approvals/";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "承認依頼";
        return View(ViewFolder + "Index.cshtml", new ApprovalInbox(await approvals.ListAsync(pending: true), await approvals.ListAsync(pending: false, take: 20)));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Review(long id) => await ReviewAsync(id, new RejectForm());

    [HttpPost("{id:long}/approve")]
    public async Task<IActionResult> Approve(long id)
    {
        var outcome = await approvals.ApproveAsync(id, User.Identity!.Name!);
        switch (outcome)
        {
            case ApprovalOutcome.NotFound:
                return NotFound();
            case ApprovalOutcome.Done:
                var item = (await approvals.FindAsync(id))!;
                TempData["Notice"] = $"承認し、「{item.Title}」第{item.Request.Version}版を公開しました。";
                return Redirect("/backoffice/approvals");
            default:
                ModelState.AddModelError(string.Empty, Explain(outcome));
                return await ReviewAsync(id, new RejectForm());
        }
    }

    [HttpPost("{id:long}/reject")]
    public async Task<IActionResult> Reject(long id, RejectForm form)
    {
        if (!ModelState.IsValid)
        {
            return await ReviewAsync(id, form);
        }

        var outcome = await approvals.RejectAsync(id, User.Identity!.Name!, FormValues.Text(form.DecisionNote)!);
        switch (outcome)
        {
            case ApprovalOutcome.NotFound:
                return NotFound();
            case ApprovalOutcome.Done:
                TempData["Notice"] = "差し戻しました。依頼者の編集画面に理由が表示されます。";
                return Redirect("/backoffice/approvals");
            default:
                ModelState.AddModelError(string.Empty, Explain(outcome));
                return await ReviewAsync(id, form);
        }
    }

    private async Task<IActionResult> ReviewAsync(long id, RejectForm form)
    {
        var item = await approvals.FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        var (published, requested) = await approvals.VersionsToCompareAsync(item);
        ViewData["Title"] = $"承認依頼：{item.Title}";
        return View(ViewFolder + "Review.cshtml", new ApprovalReview(item, ContentDiff.Compare(published, requested), form));
    }

    private static string Explain(ApprovalOutcome outcome) => outcome switch
    {
        ApprovalOutcome.NotPending => "この承認依頼はすでに対応済みです。",
        ApprovalOutcome.DraftMovedOn => "依頼の後に下書きが変更された（またはごみ箱に移された）ため、依頼された版は公開できません。差し戻して、依頼者に改めて依頼してもらってください。",
        ApprovalOutcome.SlugChanged => "依頼の後にスラッグ（URL）が変更されたため、この依頼は古くなっています。依頼された版は公開できません。差し戻して、依頼者に改めて依頼してもらってください。",
        _ => "承認依頼が見つかりません。",
    };
}

public sealed record ApprovalInbox(IReadOnlyList<ApprovalListItem> Pending, IReadOnlyList<ApprovalListItem> Decided);

public sealed record ApprovalReview(ApprovalListItem Item, IReadOnlyList<FieldDifference> Changes, RejectForm Reject);

public sealed class RejectForm
{
    [Display(Name = "差し戻しの理由")]
    [Required(ErrorMessage = "差し戻しの理由を入力してください。依頼者に表示されます。")]
    [StringLength(FormValues.NoteLength, ErrorMessage = "差し戻しの理由は2,000文字以内にしてください。")]
    public string? DecisionNote { get; set; }
}

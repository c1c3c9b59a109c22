using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Backoffice.Editing;
using UedaPublicGoals.Backoffice.Scheduling;

namespace UedaPublicGoals.Backoffice.PublicationSets;

public sealed class PublicationSetForm
{
    public string? Name { get; set; }

    /// <summary>Japan time, as a datetime-local input sends it (2024-10-01T09:00).</summary>
    public string? ReleaseAt { get; set; }
}

/// <summary>
/// 予約一覧 (every scheduled publish/unpublish and every set, in Japan time) and 公開セット: create,
/// add and remove approved drafts while pending, cancel. 管理者 and 広報 only.
/// </summary>
[Route("backoffice")]
[Authorize(Policy = BackofficePolicies.PublishContent)]
public sealed class PublicationSetsController(PublicationSetService sets, TimeProvider clock) : Controller
{
    private string UserName => User.Identity!.Name!;

    [HttpGet("schedule")]
    public async Task<IActionResult> Schedule(CancellationToken ct)
    {
        ViewData["Title"] = "予約一覧";
        return View(await sets.OverviewAsync(ct));
    }

    [HttpGet("sets/new")]
    public IActionResult New() => NewView(new PublicationSetForm());

    [HttpPost("sets/new")]
    public async Task<IActionResult> Create(PublicationSetForm form, CancellationToken ct)
    {
        var errors = new FormErrors();
        errors.Required(nameof(form.Name), form.Name, "セットの名前", 200);
        var releaseUtc = ScheduleTimeInput.Read(form.ReleaseAt, nameof(form.ReleaseAt), "公開日時", clock.GetUtcNow().UtcDateTime, errors, required: true);
        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return NewView(form);
        }

        var id = await sets.CreateAsync(form.Name!, releaseUtc!.Value, UserName, ct);
        TempData["Notice"] = $"公開セット「{form.Name!.Trim()}」を作成しました。承認済みの下書きを追加してください。";
        return Redirect($"/backoffice/sets/{id}");
    }

    [HttpGet("sets/{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken ct)
    {
        var detail = await sets.DetailAsync(id, ct);
        if (detail is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"公開セット「{detail.Set.Name}」";
        return View(detail);
    }

    [HttpPost("sets/{id:int}/members")]
    public async Task<IActionResult> AddMember(int id, Guid? documentId, CancellationToken ct)
    {
        var refusal = documentId is { } chosen
            ? await sets.AddMemberAsync(id, chosen, UserName, ct)
            : "追加する下書きを選んでください。";
        if (refusal is not null)
        {
            var detail = await sets.DetailAsync(id, ct);
            if (detail is null)
            {
                return NotFound();
            }

            ModelState.AddModelError("documentId", refusal);
            ViewData["Title"] = $"公開セット「{detail.Set.Name}」";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Detail", detail);
        }

        TempData["Notice"] = "下書きをセットに追加しました。";
        return Redirect($"/backoffice/sets/{id}#members");
    }

    [HttpPost("sets/{id:int}/members/{documentId:guid}/remove")]
    public async Task<IActionResult> RemoveMember(int id, Guid documentId, CancellationToken ct)
    {
        TempData["Notice"] = await sets.RemoveMemberAsync(id, documentId, UserName, ct)
            ? "セットから外しました（承認はそのまま残ります）。"
            : "このセットは予約中ではないか、その文書は入っていません。";
        return Redirect($"/backoffice/sets/{id}#members");
    }

    [HttpPost("sets/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken ct)
    {
        TempData["Notice"] = await sets.CancelAsync(id, UserName, ct)
            ? "公開セットを取り消しました。何も公開されていません。"
            : "このセットは予約中ではないため、取り消せません。";
        return Redirect($"/backoffice/sets/{id}");
    }

    private ViewResult NewView(PublicationSetForm form)
    {
        ViewData["Title"] = "公開セットを作成";
        return View("New", form);
    }
}

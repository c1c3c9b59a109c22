using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Public;

namespace UedaPublicGoals.Feedback.DraftPlans;

/// <summary>What a resident sees of one published version of a draft plan.</summary>
public sealed record DraftPage(
    DraftPlan Plan,
    Consultation Consultation,
    DraftPlanVersion Version,
    IReadOnlyList<DraftPlanVersion> Published,
    RenderedDraft Rendered,
    IReadOnlyDictionary<string, int> Counts,
    DateTime NowUtc)
{
    public bool IsLatest => Published[^1].Number == Version.Number;

    public bool IsOpen => Plan.IsOpenAt(NowUtc);

    public bool NotYetOpen => NowUtc < Plan.OpensUtc;

    public int CountOf(DraftParagraph paragraph) => Counts.GetValueOrDefault(paragraph.Ref.Key);

    public string CommentUrl(DraftParagraph paragraph) =>
        PublicFeedbackController.FormUrl(Consultation.Slug) + "?paragraph=" + Uri.EscapeDataString(ParagraphTarget.FormValue(Version.Id, paragraph.Ref));
}

/// <summary>The changes from the version before <see cref="Version"/> to it.</summary>
public sealed record DraftChangesPage(DraftPlan Plan, DraftPlanVersion Previous, DraftPlanVersion Version, IReadOnlyList<ParagraphChange> Changes);

/// <summary>
/// 意見募集中の案: /iken/an/{slug} (the latest published version), /iken/an/{slug}/{n} (第n版, old
/// ones stay readable) and /iken/an/{slug}/{n}/changes (what changed from 第n-1版). Plain pages with
/// plain links: each paragraph's 「この段落に意見を送る」 opens the consultation's comment form.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[CommentOutageNotice]
public sealed class DraftPlanController(DraftPlanReader drafts, FeedbackDbContext db, TimeProvider clock) : Controller
{
    public const string ViewsPath = "/DraftPlans/Views/Public/";

    [HttpGet("/iken/" + DraftPlanPaths.Segment + "/{slug}")]
    [HttpHead("/iken/" + DraftPlanPaths.Segment + "/{slug}")]
    public Task<IActionResult> Latest(string slug, CancellationToken ct) => ShowAsync(slug, null, ct);

    [HttpGet("/iken/" + DraftPlanPaths.Segment + "/{slug}/{number:int}")]
    [HttpHead("/iken/" + DraftPlanPaths.Segment + "/{slug}/{number:int}")]
    public Task<IActionResult> Version(string slug, int number, CancellationToken ct) => ShowAsync(slug, number, ct);

    [HttpGet("/iken/" + DraftPlanPaths.Segment + "/{slug}/{number:int}/changes")]
    [HttpHead("/iken/" + DraftPlanPaths.Segment + "/{slug}/{number:int}/changes")]
    public async Task<IActionResult> Changes(string slug, int number, CancellationToken ct)
    {
        var plan = await drafts.FindPlanAsync(slug, ct);
        var version = plan is null ? null : await drafts.PublishedVersionAsync(plan.Id, number, ct);
        var previous = plan is null || version is null
            ? null
            : await db.DraftPlanVersions.AsNoTracking()
                .Where(v => v.DraftPlanId == plan.Id && v.Number < number && v.PublishedUtc != null)
                .OrderByDescending(v => v.Number)
                .FirstOrDefaultAsync(ct);
        if (plan is null || version is null || previous is null)
        {
            return NotFound();
        }

        var changes = DraftChanges.Between(drafts.Render(previous).Outline, drafts.Render(version).Outline);
        SetPage($"第{previous.Number}版から第{version.Number}版への変更（{version.Title}）", $"{version.Title}の第{version.Number}版で変わった段落の一覧です。");
        return View(ViewsPath + "Changes.cshtml", new DraftChangesPage(plan, previous, version, changes));
    }

    private async Task<IActionResult> ShowAsync(string slug, int? number, CancellationToken ct)
    {
        var plan = await drafts.FindPlanAsync(slug, ct);
        var published = plan is null ? [] : await drafts.PublishedVersionsAsync(plan.Id, ct);
        var consultation = plan is null ? null : await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == plan.ConsultationId && c.IsPublic, ct);
        var chosen = number is null ? published.LastOrDefault() : published.FirstOrDefault(v => v.Number == number);
        var version = chosen is null || plan is null ? null : await drafts.PublishedVersionAsync(plan.Id, chosen.Number, ct);
        if (plan is null || consultation is null || version is null)
        {
            return NotFound();
        }

        var page = new DraftPage(plan, consultation, version, published, drafts.Render(version), await drafts.CountsAsync(version.Id, ct), clock.GetUtcNow().UtcDateTime);
        SetPage(page.IsLatest ? version.Title : $"{version.Title}（第{version.Number}版）", $"{version.Title}：段落ごとに読んで、意見を送れます。");
        return View(ViewsPath + "Draft.cshtml", page);
    }

    private void SetPage(string title, string description)
    {
        ViewData["Title"] = title;
        ViewData["Description"] = description;
    }
}

/// <summary>The comment form refused: the paragraph's draft is outside its comment period.</summary>
public sealed record DraftClosedPage(ParagraphTarget Target, bool NotYetOpen);

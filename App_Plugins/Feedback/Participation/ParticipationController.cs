using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Routing;

namespace UedaPublicGoals.Feedback.Participation;

public sealed record ParticipationPage(Consultation Consultation, ParticipationReport Report, bool HasNotice);

/// <summary>
/// /iken/{consultation}/participation: 「どんな人から意見を聞いたか」, counts by 年代 × 受付経路 × 分野
/// from every registered <see cref="IParticipationSource"/>, with small groups withheld.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ParticipationController(FeedbackDbContext db, IEnumerable<IParticipationSource> sources, CommentRouter router, TimeProvider clock) : Controller
{
    /// <summary>The page of the consultation general comments go to: one stable link for every page's footer.</summary>
    [HttpGet("/iken/participation")]
    [HttpHead("/iken/participation")]
    public async Task<IActionResult> Entry(CancellationToken ct)
    {
        var route = await router.RouteAsync(new CommentOrigin(), null, clock.GetUtcNow().UtcDateTime, ct);
        return Redirect($"/iken/{route.Consultation.Slug}/participation");
    }

    [HttpGet("/iken/{consultation}/participation")]
    [HttpHead("/iken/{consultation}/participation")]
    public async Task<IActionResult> Index(string consultation, CancellationToken ct)
    {
        var found = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == consultation && c.IsPublic, ct);
        if (found is null)
        {
            return NotFound();
        }

        var rows = new List<ParticipationRow>();
        foreach (var source in sources)
        {
            rows.AddRange(await source.CountAsync(found, ct));
        }

        ViewData["Title"] = $"どんな人から意見を聞いたか（{found.Title}）";
        ViewData["Description"] = $"{found.Title}に意見を寄せた人の数を、年代・受付経路・分野ごとに示します。";
        var hasNotice = await db.ResultNoticeVersions.AnyAsync(v => v.ConsultationId == found.Id, ct);
        return View(new ParticipationPage(found, ParticipationReport.Build(rows, found.Fields), hasNotice));
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.ResultNotice;

public sealed record ConsultationOutcomeLinks(string Slug, int? NoticeVersion);

/// <summary>
/// Where a consultation's outcome can be read: the 結果公示 (once published) and
/// 「どんな人から意見を聞いたか」; shown on the results page.
/// </summary>
public sealed class ConsultationOutcomeLinksViewComponent(FeedbackDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Consultation consultation)
    {
        var latest = await db.ResultNoticeVersions.AsNoTracking().Where(v => v.ConsultationId == consultation.Id)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return View("/Views/ResultNotice/_OutcomeLinks.cshtml", new ConsultationOutcomeLinks(consultation.Slug, latest));
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Results;

namespace UedaPublicGoals.Feedback.Privacy;

/// <summary>/iken/privacy: what the comment form collects, why, for how long, and who sees it.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class PrivacyNoticeController(FeedbackDbContext db) : Controller
{
    public const string NoticePath = "/iken/privacy";

    [HttpGet(NoticePath)]
    [HttpHead(NoticePath)]
    [OutputCache(PolicyName = FeedbackResultsCache.PolicyName)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.IsPublic).OrderBy(c => c.Id).ToListAsync(ct);
        ViewData["Title"] = "意見の取扱い（個人情報）";
        ViewData["Description"] = "意見を送るフォームで集める情報、その使い道、保存する期間、見ることができる人を説明します。";
        return View("/Views/Public/Privacy.cshtml", (IReadOnlyList<Consultation>)consultations);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Hosting;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.ResultNotice;

/// <summary>The 結果公示 分類 form on the inbox detail page (the inbox view only names it; the form posts here).</summary>
public sealed class OpinionClassificationViewComponent(ResultNoticeService notices, StaffPaths staff) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Comment comment)
    {
        var form = new ClassificationForm { Stamp = comment.ConcurrencyStamp, Category = comment.OpinionCategory, Uptake = comment.Uptake, Gist = comment.Gist };
        var categories = await notices.CategoriesAsync(comment.ConsultationId, HttpContext.RequestAborted);
        return View("/Views/ResultNoticeStaff/_Classification.cshtml", new ClassificationModel(comment, categories, form, staff.Notice(comment.ConsultationId)));
    }
}

public sealed record BulkClassificationModel(IReadOnlyList<string> Categories);

/// <summary>The inbox list's bulk 分類 controls: a second submit button in the list's form, posting to …/notice/bulk.</summary>
public sealed class BulkClassificationViewComponent(FeedbackDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? consultationId)
    {
        var lists = await db.ResultNoticeSettings.AsNoTracking()
            .Where(s => consultationId == null || s.ConsultationId == consultationId)
            .Select(s => s.Categories).ToListAsync(HttpContext.RequestAborted);
        return View("/Views/ResultNoticeStaff/_BulkClassification.cshtml", new BulkClassificationModel(lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).ToList()));
    }
}

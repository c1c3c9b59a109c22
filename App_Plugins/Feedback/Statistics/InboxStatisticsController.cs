using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Statistics;

public sealed record StatisticsPageModel(InboxFilter Filter, StatisticsInterval Interval, StatisticsReport Report, IReadOnlyList<Consultation> Consultations);

/// <summary>集計: counts of the comments (非表示 excluded) by 年代, 分野, 受付経路 and over time.</summary>
[Route("backoffice/feedback/statistics")]
[Authorize(Policy = FeedbackPolicies.Inbox)]
[AutoValidateAntiforgeryToken]
public sealed class InboxStatisticsController(FeedbackDbContext db) : Controller
{
    [RejectUnusableDateRange]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] InboxFilter filter, [FromQuery] StatisticsInterval interval, CancellationToken ct)
    {
        ViewData["Title"] = "意見の集計";
        if (!Enum.IsDefined(interval))
        {
            interval = StatisticsInterval.Week;
        }

        var points = await filter.Apply(db.Comments.AsNoTracking(), includeHidden: false)
            .Select(c => new StatisticsPoint(c.AgeGroup, c.Field, c.Channel, c.ReceivedUtc))
            .ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Title).ToListAsync(ct);
        var knownFields = consultations.Where(c => filter.Consultation is null || c.Id == filter.Consultation).SelectMany(c => c.Fields).Distinct().ToList();
        var report = CommentStatistics.Compute(points, knownFields, interval, filter.From, filter.To);
        return View(new StatisticsPageModel(filter, interval, report, consultations));
    }
}

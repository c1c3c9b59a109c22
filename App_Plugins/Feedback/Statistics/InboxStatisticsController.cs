using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Export;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Hosting;

namespace UedaPublicGoals.Feedback.Statistics;

public sealed record StatisticsPageModel(InboxFilter Filter, StatisticsInterval Interval, StatisticsReport Report, IReadOnlyList<Consultation> Consultations);

/// <summary>集計: counts of the comments (非表示 excluded) by 状態, 年代, 分野, 受付経路 and over time; also as CSV.</summary>
[StaffRoute("statistics")]
[Authorize(Policy = FeedbackPolicies.Inbox)]
[AutoValidateAntiforgeryToken]
public sealed class InboxStatisticsController(FeedbackDbContext db, TimeProvider clock) : Controller
{
    [RejectUnusableDateRange]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] InboxFilter filter, [FromQuery] StatisticsInterval interval, CancellationToken ct)
    {
        ViewData["Title"] = "意見の集計";
        var (report, consultations, used) = await ComputeAsync(filter, interval, ct);
        return View(new StatisticsPageModel(filter, used, report, consultations));
    }

    /// <summary>The same counts as the page, as CSV (counts only: no comment text, nothing personal).</summary>
    [HttpGet("csv")]
    public async Task<IActionResult> Csv([FromQuery] InboxFilter filter, [FromQuery] StatisticsInterval interval, CancellationToken ct)
    {
        var (report, _, _) = await ComputeAsync(filter, interval, ct);
        var table = StatisticsTable.Build(report, filter.Describe());
        return File(CsvCommentWriter.Write(table), "text/csv; charset=utf-8", $"iken-shukei-{TokyoTime.DateOf(clock.GetUtcNow().UtcDateTime):yyyyMMdd}.csv");
    }

    private async Task<(StatisticsReport Report, List<Consultation> Consultations, StatisticsInterval Interval)> ComputeAsync(InboxFilter filter, StatisticsInterval interval, CancellationToken ct)
    {
        if (!Enum.IsDefined(interval))
        {
            interval = StatisticsInterval.Week;
        }

        var points = await filter.Apply(db.Comments.AsNoTracking(), includeHidden: false)
            .Select(c => new StatisticsPoint(c.AgeGroup, c.Field, c.Channel, c.ReceivedUtc, c.Status))
            .ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Title).ToListAsync(ct);
        var knownFields = consultations.Where(c => filter.Consultation is null || c.Id == filter.Consultation).SelectMany(c => c.Fields).Distinct().ToList();
        return (CommentStatistics.Compute(points, knownFields, interval, filter.From, filter.To), consultations, interval);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Results;

public sealed record ResultsPage(Consultation Consultation, IReadOnlyList<ResultsGroup> Groups, ResultsGroup? Group, int Page)
{
    public bool HasMore => Group is not null && Page * PublishedComments.PageSize < Group.Total;
}

/// <summary>
/// /iken/{consultation}/results: 寄せられた意見と市の考え方. No form, so it is output-cached; the
/// inbox evicts it through <see cref="FeedbackResultsCache"/> whenever what it shows changes.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ResultsController(FeedbackDbContext db, PublishedComments published) : Controller
{
    [HttpGet("/iken/{consultation}/results")]
    [HttpHead("/iken/{consultation}/results")]
    [OutputCache(PolicyName = FeedbackResultsCache.PolicyName)]
    public async Task<IActionResult> Index(string consultation, int? field, int? page, CancellationToken ct)
    {
        var found = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == consultation && c.IsPublic, ct);
        if (found is null)
        {
            return NotFound();
        }

        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(FeedbackResultsCache.Tag(found.Id));
        ViewData["Title"] = $"寄せられた意見と市の考え方（{found.Title}）";
        ViewData["Description"] = $"{found.Title}に寄せられた意見の一部と、それに対する市の考え方です。";

        if (field is null)
        {
            return View("/Views/Public/Results.cshtml", new ResultsPage(found, await published.OverviewAsync(found, ct), null, 1));
        }

        var group = await published.GroupPageAsync(found, field.Value, page ?? 1, ct);
        if (group is null || (group.Comments.Count == 0 && (page ?? 1) > 1))
        {
            return NotFound();
        }

        ViewData["Title"] = $"{group.Label}の意見（{page ?? 1}ページ目）｜寄せられた意見と市の考え方";
        return View("/Views/Public/Results.cshtml", new ResultsPage(found, [], group, page ?? 1));
    }
}

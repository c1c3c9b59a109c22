using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.ResultNotice;

public sealed record NoticePage(Consultation Consultation, ResultNoticeVersion Version, NoticeDocument Notice, IReadOnlyList<ResultNoticeVersion> Versions)
{
    public string Url => NoticeUrls.Page(Consultation.Slug);

    /// <summary>"" for the latest version, "?version=N" for an earlier one, so every link stays on the version being read.</summary>
    public string VersionQuery => Version.Number == Versions[0].Number ? "" : $"?version={Version.Number}";
}

public static class NoticeUrls
{
    public static string Page(string consultationSlug) => $"/iken/kekka-koji/{consultationSlug}";
}

/// <summary>
/// The published 結果公示: /iken/kekka-koji/{consultation} (HTML), …/print (A4, no site navigation)
/// and …/csv. The latest version by default, an earlier one with ?version=N. Not found until staff
/// publish the first version.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ResultNoticeController(FeedbackDbContext db) : Controller
{
    [HttpGet("/iken/kekka-koji/{consultation}")]
    [HttpHead("/iken/kekka-koji/{consultation}")]
    public async Task<IActionResult> Index(string consultation, int? version, CancellationToken ct)
    {
        var page = await LoadAsync(consultation, version, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("/iken/kekka-koji/{consultation}/print")]
    [HttpHead("/iken/kekka-koji/{consultation}/print")]
    public async Task<IActionResult> Print(string consultation, int? version, CancellationToken ct)
    {
        var page = await LoadAsync(consultation, version, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("/iken/kekka-koji/{consultation}/csv")]
    [HttpHead("/iken/kekka-koji/{consultation}/csv")]
    public async Task<IActionResult> Csv(string consultation, int? version, CancellationToken ct)
    {
        var page = await LoadAsync(consultation, version, ct);
        return page is null
            ? NotFound()
            : File(NoticeCsv.Write(page.Notice), "text/csv; charset=utf-8", $"kekka-koji-{page.Consultation.Slug}-{page.Version.Number}.csv");
    }

    private async Task<NoticePage?> LoadAsync(string slug, int? number, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug && c.IsPublic, ct);
        if (consultation is null)
        {
            return null;
        }

        var versions = await db.ResultNoticeVersions.AsNoTracking().Where(v => v.ConsultationId == consultation.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var version = number is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.FirstOrDefault();
        if (version is null)
        {
            return null;
        }

        var notice = ResultNoticeService.Read(version);
        ViewData["Title"] = $"結果公示：{consultation.Title}（第{version.Number}版）";
        ViewData["Description"] = $"{consultation.Title}に寄せられた意見{notice.Received}件と、それに対する市の考え方・反映状況の公示です。";
        return new NoticePage(consultation, version, notice, versions);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Poster;

public sealed record PosterPage(Consultation Consultation, string FormUrl, string QrSvg);

/// <summary>
/// /iken/{consultation}/poster: an A4 page for the free-comment corners in public facilities —
/// title, a short description, a QR code to the form and its URL in text.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class PosterController(FeedbackDbContext db, IOptions<FeedbackOptions> options) : Controller
{
    [HttpGet("/iken/{consultation}/poster")]
    [HttpHead("/iken/{consultation}/poster")]
    public async Task<IActionResult> Index(string consultation, CancellationToken ct)
    {
        var found = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == consultation && c.IsPublic, ct);
        if (found is null)
        {
            return NotFound();
        }

        // The printed URL must work from anywhere: the public origin the host gives (never the Host header).
        var url = $"{(options.Value.PublicBaseUrl ?? "").TrimEnd('/')}/iken/{found.Slug}/";
        ViewData["Title"] = $"掲示用ポスター（{found.Title}）";
        ViewData["Description"] = $"{found.Title}：公共施設の自由意見コーナーに掲示するA4ポスターです。";
        ViewData["NoIndex"] = true;
        return View("/Views/Public/Poster.cshtml", new PosterPage(found, url, PosterQrCode.Svg(url)));
    }
}

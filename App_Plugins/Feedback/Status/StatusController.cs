using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Feedback.Public;

namespace UedaPublicGoals.Feedback.Status;

/// <summary>What the status form posts, as typed.</summary>
public sealed class StatusForm
{
    public string? ReceiptNumber { get; set; }

    public string? CheckCode { get; set; }
}

public sealed record StatusPage(StatusForm Form, IReadOnlyDictionary<string, string> Errors, StatusLookupResult? Result);

/// <summary>
/// 「意見の状況」 (/iken/jokyo): a resident enters the 受付番号 and check code from the thanks page
/// and sees the stage and, once published, the city's response. No account; no personal data
/// shown. The lookup is a POST (antiforgery), every answer takes at least <see cref="AnswerTime"/>
/// so a right and a wrong code cannot be told apart by timing, and nothing here is cached.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[CommentOutageNotice]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StatusController(CommentStatusLookup lookup) : Controller
{
    public const string PageUrl = "/iken/jokyo";
    public static readonly TimeSpan AnswerTime = TimeSpan.FromMilliseconds(400);

    [HttpGet(PageUrl)]
    [HttpHead(PageUrl)]
    public IActionResult Index() => Page(new StatusForm(), new Dictionary<string, string>(), null);

    [HttpPost(PageUrl)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Look([FromForm] StatusForm form, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var errors = new Dictionary<string, string>();
        var receipt = CommentStatusLookup.NormalizeReceipt(form.ReceiptNumber);
        if (string.IsNullOrWhiteSpace(form.ReceiptNumber))
        {
            errors[nameof(form.ReceiptNumber)] = "受付番号を入力してください。";
        }
        else if (receipt is null)
        {
            errors[nameof(form.ReceiptNumber)] = "受付番号の形が正しくありません。R8-000123 のように入力してください。";
        }

        if (CheckCodes.Normalize(form.CheckCode).Length != CheckCodes.Length)
        {
            errors[nameof(form.CheckCode)] = "確認コードは、受付番号の下に表示された8文字（ABCD-EFGH のような形）を入力してください。";
        }

        if (errors.Count > 0)
        {
            return Page(form, errors, null, StatusCodes.Status400BadRequest);
        }

        var result = await lookup.LookAsync(receipt!, form.CheckCode, ct);
        // A loop, not one delay: the timer may wake a millisecond early, and then the answer time would tell.
        for (var remaining = AnswerTime - Stopwatch.GetElapsedTime(started); remaining > TimeSpan.Zero; remaining = AnswerTime - Stopwatch.GetElapsedTime(started))
        {
            await Task.Delay(remaining + TimeSpan.FromMilliseconds(1), ct);
        }

        return result switch
        {
            StatusLookupResult.Limited => Page(form, errors, result, StatusCodes.Status429TooManyRequests),
            StatusLookupResult.NotFound => Page(form, errors, result, StatusCodes.Status404NotFound),
            _ => Page(new StatusForm(), errors, result),
        };
    }

    private ViewResult Page(StatusForm form, Dictionary<string, string> errors, StatusLookupResult? result, int status = StatusCodes.Status200OK)
    {
        ViewData["Title"] = (errors.Count > 0 || result is StatusLookupResult.NotFound or StatusLookupResult.Limited ? "エラー：" : "") + "意見の状況";
        ViewData["Description"] = "受付番号と確認コードで、送った意見がいまどの段階にあるか、市の考え方が公開されたかを確かめられます。";
        ViewData["NoIndex"] = result is not null;
        if (result is StatusLookupResult.Limited)
        {
            Response.Headers.RetryAfter = "3600";
        }

        var view = View("/Views/Status/Index.cshtml", new StatusPage(form, errors, result));
        view.StatusCode = status;
        return view;
    }
}

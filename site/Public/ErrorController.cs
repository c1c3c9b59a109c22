using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Kernel.Resilience;

namespace UedaPublicGoals.Public;

/// <summary>Japanese error pages. Never shows exception details: those go to the log only.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
// Error pages are re-executed with the failed request's method: a POST refused for a missing
// token must still get its Japanese page, not a second refusal with an empty body.
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    // No action parameters on purpose: binding would read the failed request's body again
    // (e.g. a form the server just refused as malformed) and fail a second time.
    [Route("/error/{code:int}")]
    public IActionResult Show()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, out var parsed) ? parsed : 404;
        var status = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;

        // Staff who meet an error inside the backoffice stay in its layout and menu.
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (originalPath is not null && originalPath.StartsWith("/backoffice", StringComparison.OrdinalIgnoreCase))
        {
            ViewData["Title"] = ErrorTitle(status);
            return View("~/Backoffice/Views/Shared/BackofficeError.cshtml", status);
        }

        // A page that failed for want of its database may have its own words for it (the comment form does).
        var notice = status == StatusCodes.Status503ServiceUnavailable ? HttpContext.Features.Get<DatabaseOutageNoticeAttribute>() : null;
        var title = notice?.Title ?? ErrorTitle(status);
        ViewData[nameof(PageMeta)] = new PageMeta(title, title, $"/error/{status}") { NoIndex = true };
        return View("Error", new ErrorPage(status, notice));
    }

    public static string ErrorTitle(int status) => status switch
    {
        404 => "ページが見つかりません",
        400 => "リクエストの内容に誤りがあります",
        403 => "このページを表示する権限がありません",
        409 => "同じ内容がすでに登録されています",
        429 => "アクセスが集中しています",
        503 => "ただいまサービスを利用できません",
        _ when status >= 500 => "エラーが発生しました",
        _ => "ページを表示できません",
    };
}

/// <summary>The status shown, and for a 503 the failed page's own words when it has them.</summary>
public sealed record ErrorPage(int Status, DatabaseOutageNoticeAttribute? Notice);

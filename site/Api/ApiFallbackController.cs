using Microsoft.AspNetCore.Mvc;

namespace UedaPublicGoals.Api;

/// <summary>
/// Everything under /api/ that no endpoint claims answers in JSON, not with the HTML 404
/// page: a program reading the API must always get the API's error shape. The catch-all
/// route has the lowest precedence, so every real endpoint (including ones other features
/// add under /api/) wins over it.
/// </summary>
// Nothing here changes state: it only refuses unsafe methods, so there is no token to check;
// without this the site-wide antiforgery filter would answer 400 before the JSON 405.
[IgnoreAntiforgeryToken]
public sealed class ApiFallbackController : ApiControllerBase
{
    [Route("/api/{**rest}", Order = int.MaxValue)]
    public IActionResult Unknown() =>
        HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
            ? ApiErrorResult.NotFound("指定されたAPIは見つかりません。使えるAPIの一覧は /api/ をご覧ください。")
            // The API is read-only: any other method on any /api/ URL is refused the same way.
            : new ApiErrorResult(StatusCodes.Status405MethodNotAllowed, ApiErrorCodes.MethodNotAllowed, "このAPIは読み取り専用です。GET または HEAD で呼び出してください。");
}

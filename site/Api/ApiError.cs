using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace UedaPublicGoals.Api;

/// <summary>The one error shape of the API: { "error": { "code": "not_found", "message": "…" } }.</summary>
public sealed record ApiErrorBody(ApiErrorDetail Error);

/// <summary><paramref name="Code"/> is stable ASCII for programs; <paramref name="Message"/> is Japanese for people.</summary>
public sealed record ApiErrorDetail(string Code, string Message);

/// <summary>Error codes the API answers with; each is documented in openapi.json.</summary>
public static class ApiErrorCodes
{
    public const string NotFound = "not_found";
    public const string InvalidId = "invalid_id";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string InternalError = "internal_error";
}

/// <summary>
/// Writes an error as JSON. The body and content type also keep the site's
/// UseStatusCodePagesWithReExecute from swapping it for the HTML error page.
/// </summary>
public sealed class ApiErrorResult(int statusCode, string code, string message) : IActionResult
{
    public int StatusCode { get; } = statusCode;

    public ApiErrorDetail Detail { get; } = new(code, message);

    public static ApiErrorResult NotFound(string message) => new(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, message);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ApiJson.ContentType;
        // What is missing now may be published a minute later: errors are never cached.
        response.Headers.CacheControl = "no-store";
        if (StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            response.Headers.Allow = "GET, HEAD";
        }

        await response.Body.WriteAsync(ApiJson.SerializeToUtf8(new ApiErrorBody(Detail)), context.HttpContext.RequestAborted);
    }
}

/// <summary>
/// An unexpected exception inside an API action still answers in the API's JSON error shape
/// (without internals) rather than as the HTML error page.
/// </summary>
public sealed class ApiExceptionFilter(ILogger<ApiExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (DatabaseFailures.IsDatabaseFailure(context.Exception))
        {
            return; // answered as 503 / 409 in the same JSON shape by DatabaseFailureMiddleware
        }

        logger.LogError(context.Exception, "Unhandled exception in API request {Path}", context.HttpContext.Request.Path);
        context.Result = new ApiErrorResult(
            StatusCodes.Status500InternalServerError,
            ApiErrorCodes.InternalError,
            "サーバーでエラーが発生しました。しばらくしてから、もう一度お試しください。");
        context.ExceptionHandled = true;
    }
}

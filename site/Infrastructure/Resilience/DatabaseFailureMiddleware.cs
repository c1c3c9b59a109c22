using Microsoft.Extensions.Options;
using UedaPublicGoals.Api;
using UedaPublicGoals.Kernel.Resilience;

namespace UedaPublicGoals.Infrastructure.Resilience;

/// <summary>
/// The one answer to database outages, 503 + Retry-After (Japanese page, or the API's JSON error),
/// and to unique-constraint races, 409, instead of a 500. Sits inside the status-code pages, so a bare
/// status becomes the Japanese error page (in the words of the endpoint's
/// <see cref="DatabaseOutageNoticeAttribute"/> when it has one); API answers carry their own body.
/// </summary>
public sealed class DatabaseFailureMiddleware(RequestDelegate next, IOptionsMonitor<ResilienceOptions> options, ILogger<DatabaseFailureMiddleware> logger, TimeProvider clock)
{
    private long nextOutageLogTicks;
    private long suppressedOutages;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && DatabaseFailures.IsOutage(ex))
        {
            LogOutage(ex, context.Request.Path);
            var retryAfter = options.CurrentValue.RetryAfterSeconds;
            context.Response.Clear();
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);

            // The error page is re-executed on another endpoint: hand it the failed page's own words.
            if (context.GetEndpoint()?.Metadata.GetMetadata<DatabaseOutageNoticeAttribute>() is { } notice)
            {
                context.Features.Set(notice);
            }

            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "service_unavailable",
                "ただいまサービスを利用できません。しばらくしてから、もう一度お試しください。");
        }
        catch (Exception ex) when (!context.Response.HasStarted && DatabaseFailures.IsUniqueRace(ex))
        {
            // The same form sent twice, or two staff saving the same thing: the first one won.
            logger.LogInformation("Request {Method} {Path} lost a race for a unique row: {Message}",
                context.Request.Method, context.Request.Path, ex.GetBaseException().Message);
            context.Response.Clear();
            await AnswerAsync(context, StatusCodes.Status409Conflict, "conflict",
                "同じ内容がすでに登録されています。ページを読み込み直して、確認してください。");
        }
    }

    private static async Task AnswerAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await new ApiErrorResult(status, code, message).ExecuteResultAsync(
                new Microsoft.AspNetCore.Mvc.ActionContext(context, context.GetRouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        }

        // Otherwise the bare status is turned into the Japanese page by UseStatusCodePagesWithReExecute.
    }

    /// <summary>The first failure of each interval is logged with its stack trace; the rest are counted in the next line.</summary>
    private void LogOutage(Exception ex, PathString path)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref nextOutageLogTicks);
        if (now >= due && Interlocked.CompareExchange(ref nextOutageLogTicks, now + options.CurrentValue.OutageLogInterval.Ticks, due) == due)
        {
            var suppressed = Interlocked.Exchange(ref suppressedOutages, 0);
            logger.LogError(ex, "Database unreachable (request {Path}); answering 503. {Suppressed} more failures since the last report.", path, suppressed);
        }
        else
        {
            Interlocked.Increment(ref suppressedOutages);
        }
    }
}

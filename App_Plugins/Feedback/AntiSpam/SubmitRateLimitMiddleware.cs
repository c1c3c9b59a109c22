using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.Public;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// Refuses a submission over <see cref="SubmitRateLimit"/> before the endpoint reads it: 429 with
/// Retry-After and the confirmation page again, and the rejection tallied for the proof-of-work switch.
/// </summary>
public sealed class SubmitRateLimitMiddleware(RequestDelegate next, SubmitRateLimit limit, IOptions<AntiSpamOptions> options)
{
    public async Task InvokeAsync(HttpContext http, RejectionTally rejections)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<SubmitRateLimitedAttribute>() is null || limit.TryAcquire(http.Connection.RemoteIpAddress))
        {
            await next(http);
            return;
        }

        http.Response.Headers.RetryAfter = options.Value.RateLimit.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        await rejections.RecordAsync(http.RequestAborted);
        await RateLimitedPage.WriteAsync(http, http.RequestAborted);
    }
}

public static class SubmitRateLimitExtensions
{
    /// <summary>After UseRouting, so the endpoint's <see cref="SubmitRateLimitedAttribute"/> is known.</summary>
    public static IApplicationBuilder UseSubmitRateLimit(this IApplicationBuilder app) => app.UseMiddleware<SubmitRateLimitMiddleware>();
}

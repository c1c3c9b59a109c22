using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.Public;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// The submit endpoint's limit: a sliding window per client (IPv4 address or IPv6 /64), in memory
/// on each node. A rejected resident gets 429 with the confirmation page again (everything kept)
/// and a Japanese message; the rejection counts towards switching the proof-of-work on.
/// </summary>
public sealed class SubmitRateLimit(IOptions<AntiSpamOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "Feedback.Submit";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var http = context.HttpContext;
        var window = http.RequestServices.GetRequiredService<IOptions<AntiSpamOptions>>().Value.RateLimit.WindowSeconds;
        http.Response.Headers.RetryAfter = window.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<RejectionTally>().RecordAsync(ct);
        await RateLimitedPage.WriteAsync(http, ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limit = options.Value.RateLimit;
        return RateLimitPartition.GetSlidingWindowLimiter(
            ClientAddress.Key(httpContext.Connection.RemoteIpAddress),
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }
}

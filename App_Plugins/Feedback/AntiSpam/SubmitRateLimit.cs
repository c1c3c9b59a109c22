using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// The submit endpoints' limit, shared by every endpoint marked <see cref="SubmitRateLimitedAttribute"/>. A rejected
/// resident gets 429 with the confirmation page again (everything kept) and a Japanese message; the rejection counts
/// towards switching the proof-of-work on (<see cref="SubmitRateLimitMiddleware"/>).
/// </summary>
public sealed class SubmitRateLimit(IOptions<AntiSpamOptions> options) : ClientRateLimit(() =>
{
    var limit = options.Value.RateLimit;
    return new SlidingWindowRateLimiterOptions
    {
        PermitLimit = Math.Max(1, limit.PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
});

/// <summary>Marks a resident's submit endpoint (a comment, a survey's answers) as limited by <see cref="SubmitRateLimit"/>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SubmitRateLimitedAttribute : Attribute;

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.Public;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// The submit endpoints' limit: a sliding window per client (IPv4 address or IPv6 /64), in memory
/// on each node, shared by every endpoint marked <see cref="SubmitRateLimitedAttribute"/>. A rejected
/// resident gets 429 with the confirmation page again (everything kept) and a Japanese message; the
/// rejection counts towards switching the proof-of-work on (<see cref="SubmitRateLimitMiddleware"/>).
/// </summary>
/// <remarks>
/// A singleton the container disposes, not ASP.NET Core's rate-limiting middleware: that middleware never
/// disposes the partitioned limiter it builds, whose timer then wakes ten times a second and keeps every
/// stopped application alive (dotnet/aspnetcore#66434): one per test portal, hundreds in a test run.
/// </remarks>
public sealed class SubmitRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public SubmitRateLimit(IOptions<AntiSpamOptions> options)
    {
        limiter = PartitionedRateLimiter.Create<string, string>(client =>
        {
            var limit = options.Value.RateLimit;
            return RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    public bool TryAcquire(IPAddress? client)
    {
        using var lease = limiter.AttemptAcquire(ClientAddress.Key(client));
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>Marks a resident's submit endpoint (a comment, a survey's answers) as limited by <see cref="SubmitRateLimit"/>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SubmitRateLimitedAttribute : Attribute;

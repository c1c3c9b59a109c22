using System.Net;
using System.Threading.RateLimiting;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// Requests per client (<see cref="ClientAddress"/>: an IPv4 address or an IPv6 /64) in a sliding window, in
/// memory on each node: the one shape of the flood guards (comments and survey answers, follow subscriptions).
/// </summary>
/// <remarks>
/// A singleton the container disposes, so its limiter's timer stops with the application. ASP.NET Core's
/// rate-limiting middleware is not used: it never disposes the limiter it builds, whose timer then wakes ten times
/// a second and keeps every stopped application alive (dotnet/aspnetcore#66434), one per test portal.
/// </remarks>
public abstract class ClientRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    /// <param name="window">The window of a client seen for the first time (read then, so settings apply as bound).</param>
    protected ClientRateLimit(Func<SlidingWindowRateLimiterOptions> window) =>
        limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetSlidingWindowLimiter(client, _ => window()));

    public bool TryAcquire(IPAddress? client)
    {
        using var lease = limiter.AttemptAcquire(ClientAddress.Key(client));
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}

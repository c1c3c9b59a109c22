using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.AntiSpam;

namespace UedaPublicGoals.Follow.Subscriptions;

/// <summary>
/// Subscription requests per client (IPv4 address or IPv6 /64) in a sliding window, in memory on each node: each
/// request mails a stranger's address, so a flood must stop before the mail. Asked by the controller, so a refused
/// resident gets the form back with what they typed and a Japanese message.
/// </summary>
public sealed class SubscribeRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public SubscribeRateLimit(IOptions<FollowOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.SubscribePermitLimit,
            Window = TimeSpan.FromMinutes(settings.SubscribeWindowMinutes),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        WindowMinutes = settings.SubscribeWindowMinutes;
    }

    public int WindowMinutes { get; }

    public bool TryAcquire(IPAddress? client)
    {
        using var lease = limiter.AttemptAcquire(ClientAddress.Key(client));
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

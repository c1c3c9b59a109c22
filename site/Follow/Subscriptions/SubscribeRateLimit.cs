using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.AntiSpam;

namespace UedaPublicGoals.Follow.Subscriptions;

/// <summary>
/// Subscription requests per client in a sliding window, in memory on each node: each request mails a stranger's
/// address, so a flood must stop before the mail. Asked by the controller, so a refused resident gets the form back
/// with what they typed and a Japanese message.
/// </summary>
public sealed class SubscribeRateLimit(IOptions<FollowOptions> options) : ClientRateLimit(() => new SlidingWindowRateLimiterOptions
{
    PermitLimit = options.Value.SubscribePermitLimit,
    Window = TimeSpan.FromMinutes(options.Value.SubscribeWindowMinutes),
    SegmentsPerWindow = 5,
    QueueLimit = 0,
    AutoReplenishment = true,
})
{
    public int WindowMinutes { get; } = options.Value.SubscribeWindowMinutes;
}

using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>Per-client limit on the submit endpoint (per node, in memory). Bound from "Feedback:AntiSpam:RateLimit", as part of <see cref="AntiSpamOptions"/>.</summary>
public sealed class RateLimitOptions
{
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 5;

    [Range(1, 86400)]
    public int WindowSeconds { get; set; } = 60;
}

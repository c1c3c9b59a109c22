using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// Per-client flood guard on the submit endpoint (per node, in memory): 429 beyond it. Generous,
/// so a class behind one school address is not refused; the proof-of-work beyond the
/// <see cref="ClientAllowanceOptions"/> is what slows a single sender down. Bound from
/// "Feedback:AntiSpam:RateLimit", as part of <see cref="AntiSpamOptions"/>.
/// </summary>
public sealed class RateLimitOptions
{
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 60;

    [Range(1, 86400)]
    public int WindowSeconds { get; set; } = 60;
}

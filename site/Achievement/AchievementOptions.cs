using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Achievement;

/// <summary>
/// The 達成度 rule the city configures, bound from the "Achievement" section. Shares are of the
/// way from the baseline to the target: 1 = target reached, 0.5 = halfway.
/// </summary>
public sealed class AchievementOptions
{
    public const string Section = "Achievement";

    /// <summary>S from this share on (default 1: the target reached or passed).</summary>
    [Range(0.01, 10)]
    public decimal ShareForS { get; set; } = 1m;

    /// <summary>A from this share on (default 0.5: at least halfway from the baseline).</summary>
    [Range(0.01, 10)]
    public decimal ShareForA { get; set; } = 0.5m;
}

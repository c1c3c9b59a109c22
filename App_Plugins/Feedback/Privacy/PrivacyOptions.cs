using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.Privacy;

/// <summary>Bound from "Feedback:Privacy".</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Feedback:Privacy";

    /// <summary>
    /// Secret salt for the client IP hash. Set the same value on every node. When empty, a random
    /// salt is made at start: hashes then only match within one process, which is safe but weaker
    /// for spotting repeated abuse.
    /// </summary>
    public string? ClientHashSalt { get; set; }

    /// <summary>How often the purge and clean-up job runs.</summary>
    [Range(1, 10080)]
    public int MaintenanceIntervalMinutes { get; set; } = 60;
}

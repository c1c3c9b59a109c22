using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Backoffice.Scheduling;

/// <summary>Bound from the "Scheduling" section.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Off for a node that must not publish (only one is needed; the others may run it too safely).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due documents are looked for, in seconds.</summary>
    [Range(1, 86400)]
    public int IntervalSeconds { get; set; } = 30;
}

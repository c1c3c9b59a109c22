using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Reporting.Reminders;

/// <summary>Bound from "Reporting:Reminders" (environment Reporting__Reminders__DaysBefore…).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reporting:Reminders";

    /// <summary>false: this node sends no reminders (another node, or none, does).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A report not yet published gets one reminder this many days before the end of its due month.</summary>
    [Range(0, 90)]
    public int DaysBefore { get; set; } = 14;

    /// <summary>
    /// An overdue report gets a reminder on the first day after its due month, then again at most every
    /// this many days while it stays unpublished; 0 sends the overdue reminder once only.
    /// </summary>
    [Range(0, 365)]
    public int OverdueRepeatDays { get; set; } = 7;

    /// <summary>Hour of the day, Japan time, from which the day's reminders go out.</summary>
    [Range(0, 23)]
    public int SendHour { get; set; } = 9;

    /// <summary>How often the reminders are looked for, in minutes.</summary>
    [Range(1, 1440)]
    public int CheckIntervalMinutes { get; set; } = 15;
}

using Microsoft.EntityFrameworkCore;

namespace UedaPublicGoals.Reporting.Reminders;

public enum ReminderKind
{
    /// <summary>The due date is near.</summary>
    BeforeDue = 0,

    /// <summary>The due month is over and the report is not published.</summary>
    Overdue = 1,
}

/// <summary>
/// A reminder that went out. Unique per (goal, report, kind, round), so however many nodes or passes
/// run, a reminder is never sent twice; <see cref="Round"/> counts the repeats of an overdue reminder.
/// </summary>
public sealed class SentReminder
{
    public long Id { get; set; }

    public Guid DocumentId { get; set; }

    public ReportKind Report { get; set; }

    public ReminderKind Kind { get; set; }

    public int Round { get; set; }

    public DateTime SentUtc { get; set; }

    /// <summary>Addresses it went to, comma separated.</summary>
    public string Recipients { get; set; } = "";

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<SentReminder>(e =>
        {
            e.ToTable("ReportReminders");
            e.Property(r => r.Report).HasConversion<int>();
            e.Property(r => r.Kind).HasConversion<int>();
            e.Property(r => r.Recipients).HasMaxLength(2000).IsRequired();
            e.HasIndex(r => new { r.DocumentId, r.Report, r.Kind, r.Round }).IsUnique();
            e.HasOne<Content.Store.ContentDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
}

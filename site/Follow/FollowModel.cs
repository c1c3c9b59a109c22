using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Follow.Changes;
using UedaPublicGoals.Follow.Subscriptions;

namespace UedaPublicGoals.Follow;

/// <summary>The Follow feature's tables in the portal database.</summary>
public static class FollowModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GoalChange>(e =>
        {
            e.ToTable("FollowGoalChanges");
            e.Property(c => c.Kind).HasConversion<int>();
            e.Property(c => c.Key).HasMaxLength(200).IsRequired();
            e.Property(c => c.Title).HasMaxLength(600).IsRequired();
            e.Property(c => c.Summary).HasMaxLength(4000).IsRequired();
            e.Property(c => c.GoalTitle).HasMaxLength(400).IsRequired();
            // Every node runs the publish handlers for every batch: the second insert of a change is refused here.
            e.HasIndex(c => new { c.DocumentId, c.Version, c.Key }).IsUnique();
            e.HasIndex(c => c.Utc);
        });

        modelBuilder.Entity<FollowSubscription>(e =>
        {
            e.ToTable("FollowSubscriptions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Topic).HasMaxLength(120).IsRequired();
            e.Property(s => s.AddressHash).HasMaxLength(64).IsRequired();
            e.Property(s => s.AddressProtected).HasMaxLength(1000).IsRequired();
            e.Property(s => s.ConfirmationNonce).HasMaxLength(64);
            e.HasIndex(s => new { s.AddressHash, s.Topic }).IsUnique();
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UedaPublicGoals.Backoffice.Accounts.Sessions;

/// <summary>
/// One signed-in browser. The cookie carries only the id; the row is the truth, so deleting it
/// ends every copy of that cookie, wherever it was copied to.
/// </summary>
public sealed class StaffSession
{
    /// <summary>Random, unguessable (256 bits, base64url).</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>The absolute end: no sliding renewal goes past it.</summary>
    public DateTime ExpiresUtc { get; set; }
}

public sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> e)
    {
        e.ToTable("StaffSessions");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).HasMaxLength(64);
        e.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        e.HasIndex(s => s.UserId);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Content.Sync;

namespace UedaPublicGoals.Infrastructure.Database;

/// <summary>
/// The portal's database. Each provider has a subclass so that each keeps its own
/// migrations (SQLite and PostgreSQL differ in types and DDL). Backoffice accounts
/// (ASP.NET Core Identity) and the Data Protection key ring live here too, so every
/// node of a multi-node install shares logins and antiforgery keys.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserDepartment> UserDepartments => Set<UserDepartment>();
    public DbSet<Backoffice.Accounts.Sessions.StaffSession> StaffSessions => Set<Backoffice.Accounts.Sessions.StaffSession>();
    public DbSet<Backoffice.Accounts.Throttling.LoginFailure> LoginFailures => Set<Backoffice.Accounts.Throttling.LoginFailure>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApprovalRequest> ApprovalRequests => Set<ApprovalRequest>();
    public DbSet<Backoffice.PublicationSets.PublicationSet> PublicationSets => Set<Backoffice.PublicationSets.PublicationSet>();
    public DbSet<Backoffice.PublicationSets.PublicationSetMember> PublicationSetMembers => Set<Backoffice.PublicationSets.PublicationSetMember>();
    public DbSet<Reporting.Reminders.SentReminder> SentReminders => Set<Reporting.Reminders.SentReminder>();
    public DbSet<Redirect> Redirects => Set<Redirect>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<CacheInstruction> CacheInstructions => Set<CacheInstruction>();
    public DbSet<Content.Seed.SeedImportRecord> SeedImports => Set<Content.Seed.SeedImportRecord>();
    public DbSet<Backoffice.Import.ImportSession> ImportSessions => Set<Backoffice.Import.ImportSession>();

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<FiscalYear> FiscalYears => Set<FiscalYear>();
    public DbSet<ContentDocument> Documents => Set<ContentDocument>();
    public DbSet<ContentVersion> Versions => Set<ContentVersion>();

    public DbSet<Japanese.Glossary.GlossaryTerm> GlossaryTerms => Set<Japanese.Glossary.GlossaryTerm>();
    public DbSet<Japanese.Readings.ReadingListEntry> ReadingList => Set<Japanese.Readings.ReadingListEntry>();
    public DbSet<Japanese.Search.SearchSynonym> SearchSynonyms => Set<Japanese.Search.SearchSynonym>();
    public DbSet<Follow.Changes.GoalChange> GoalChanges => Set<Follow.Changes.GoalChange>();
    public DbSet<Follow.Subscriptions.FollowSubscription> FollowSubscriptions => Set<Follow.Subscriptions.FollowSubscription>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        Japanese.JapaneseTextModel.Configure(modelBuilder);
        Follow.FollowModel.Configure(modelBuilder);

        modelBuilder.Entity<PortalUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
            e.HasMany(u => u.Departments).WithOne().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.ApplyConfiguration(new Backoffice.Accounts.Sessions.StaffSessionConfiguration());
        modelBuilder.ApplyConfiguration(new Backoffice.Accounts.Throttling.LoginFailureConfiguration());
        Reporting.Reminders.SentReminder.Configure(modelBuilder);

        modelBuilder.Entity<UserDepartment>(e =>
        {
            e.ToTable("UserDepartments");
            e.HasKey(d => new { d.UserId, d.DepartmentId });
            e.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditLog");
            e.Property(a => a.Actor).HasMaxLength(256).IsRequired();
            e.Property(a => a.Action).HasMaxLength(64).IsRequired();
            e.Property(a => a.Target).HasMaxLength(400);
            e.Property(a => a.Detail).HasMaxLength(2000);
            e.Property(a => a.ClientHash).HasMaxLength(64);
            e.HasIndex(a => a.Utc);
            e.HasIndex(a => new { a.Action, a.Utc });
        });

        modelBuilder.Entity<ApprovalRequest>(e =>
        {
            e.ToTable("ApprovalRequests");
            e.Property(a => a.Status).HasConversion<int>();
            e.Property(a => a.RequestedBy).HasMaxLength(256).IsRequired();
            e.Property(a => a.Slug).HasMaxLength(80).IsRequired().HasDefaultValue("");
            e.Property(a => a.DecidedBy).HasMaxLength(256);
            e.Property(a => a.Note).HasMaxLength(2000);
            e.Property(a => a.DecisionNote).HasMaxLength(2000);
            e.HasIndex(a => new { a.Status, a.RequestedUtc });
            e.HasOne<ContentDocument>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Backoffice.PublicationSets.PublicationSet>(e =>
        {
            e.ToTable("PublicationSets");
            e.Property(s => s.Name).HasMaxLength(200).IsRequired();
            e.Property(s => s.Status).HasConversion<int>();
            e.Property(s => s.CreatedBy).HasMaxLength(256).IsRequired();
            e.Ignore(s => s.StatusLabel);
            e.HasIndex(s => new { s.Status, s.ReleaseUtc });
            e.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SetId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Backoffice.PublicationSets.PublicationSetMember>(e =>
        {
            e.ToTable("PublicationSetMembers");
            e.Property(m => m.Slug).HasMaxLength(80).IsRequired();
            e.Property(m => m.AddedBy).HasMaxLength(256).IsRequired();
            e.Property(m => m.FailureReason).HasMaxLength(1000);
            e.HasIndex(m => new { m.SetId, m.DocumentId }).IsUnique();
            e.HasIndex(m => m.DocumentId);
            e.HasOne<ContentDocument>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Redirect>(e =>
        {
            e.ToTable("Redirects");
            e.Property(r => r.FromPath).HasMaxLength(400).IsRequired();
            e.Property(r => r.ToPath).HasMaxLength(400).IsRequired();
            e.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(r => r.FromPath).IsUnique();
        });

        modelBuilder.Entity<Backoffice.Import.ImportSession>(e =>
        {
            e.ToTable("ImportSessions");
            e.HasKey(s => s.Id);
            e.Property(s => s.UserId).HasMaxLength(450);
            e.Property(s => s.FileName).HasMaxLength(260);
            e.HasIndex(s => s.ExpiresUtc);
        });

        modelBuilder.Entity<Content.Seed.SeedImportRecord>(e =>
        {
            e.ToTable("SeedImports");
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasMaxLength(300);
        });

        modelBuilder.Entity<CacheInstruction>(e =>
        {
            e.ToTable("CacheInstructions");
            e.Property(i => i.OriginNode).HasMaxLength(100).IsRequired();
            e.HasIndex(i => i.Utc);
        });

        modelBuilder.Entity<MediaItem>(e =>
        {
            e.ToTable("Media");
            e.Property(m => m.FileName).HasMaxLength(80).IsRequired();
            e.Property(m => m.OriginalName).HasMaxLength(260).IsRequired();
            e.Property(m => m.ContentType).HasMaxLength(40).IsRequired();
            e.Property(m => m.AltText).HasMaxLength(500).IsRequired();
            e.Property(m => m.UploadedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(m => m.FileName).IsUnique();
        });
        modelBuilder.Entity<Department>(e =>
        {
            e.ToTable("Departments");
            e.Property(d => d.Slug).HasMaxLength(80).IsRequired();
            e.Property(d => d.Name).HasMaxLength(200).IsRequired();
            e.HasIndex(d => d.Slug).IsUnique();
            e.HasMany(d => d.FiscalYears).WithOne(y => y.Department).HasForeignKey(y => y.DepartmentId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<FiscalYear>(e =>
        {
            e.ToTable("FiscalYears");
            e.Property(y => y.Slug).HasMaxLength(20).IsRequired();
            e.Property(y => y.Heading).HasMaxLength(200).IsRequired();
            e.Property(y => y.MidtermReportMonth).HasDefaultValue(Reporting.ReportingCycle.DefaultMidtermMonth);
            e.Property(y => y.FinalReportMonth).HasDefaultValue(Reporting.ReportingCycle.DefaultFinalMonth);
            e.HasIndex(y => new { y.DepartmentId, y.Year }).IsUnique();
            e.HasIndex(y => new { y.DepartmentId, y.Slug }).IsUnique();
        });

        modelBuilder.Entity<ContentDocument>(e =>
        {
            e.ToTable("Documents");
            e.Property(d => d.Kind).HasConversion<int>();
            e.Property(d => d.Scope).HasMaxLength(40).IsRequired();
            e.Property(d => d.Slug).HasMaxLength(80).IsRequired();
            e.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(d => new { d.Scope, d.Slug }).IsUnique();
            e.HasOne<FiscalYear>().WithMany().HasForeignKey(d => d.FiscalYearId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ContentVersion>(e =>
        {
            e.ToTable("DocumentVersions");
            e.Property(v => v.Title).HasMaxLength(400).IsRequired();
            e.Property(v => v.Json).IsRequired();
            e.Property(v => v.CreatedBy).HasMaxLength(200).IsRequired();
            e.Property(v => v.Note).HasMaxLength(1000);
            e.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            e.HasOne<ContentDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);

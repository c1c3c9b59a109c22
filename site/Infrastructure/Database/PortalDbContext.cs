using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Infrastructure.Database;

/// <summary>
/// The portal's database. Each provider has a subclass so that each keeps its own
/// migrations (SQLite and PostgreSQL differ in types and DDL).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<FiscalYear> FiscalYears => Set<FiscalYear>();
    public DbSet<ContentDocument> Documents => Set<ContentDocument>();
    public DbSet<ContentVersion> Versions => Set<ContentVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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

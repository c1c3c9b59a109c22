using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Tests.Unit.Infrastructure;

/// <summary>
/// Every model change has its migration, for both contexts on both providers. Start-up applies only the
/// migrations a database lacks (Kernel/MigrationsOnStart) and no longer compares the model with the
/// migrations' snapshot on every start, so this comparison lives here. No database is opened.
/// </summary>
public sealed class PendingModelChangesTests
{
    private const string Sqlite = "Data Source=pending-model-changes.db";
    private const string Postgres = "Host=127.0.0.1;Database=pending_model_changes";

    [Fact]
    public void The_portal_model_on_SQLite_matches_its_migrations()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(Sqlite).Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The portal model changed without a migration: dotnet run --project tools/MigrationScaffolder -- <Name> Portal");
    }

    [Fact]
    public void The_portal_model_on_PostgreSQL_matches_its_migrations()
    {
        using var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(Postgres).Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The portal model changed without a migration: dotnet run --project tools/MigrationScaffolder -- <Name> Portal");
    }

    [Fact]
    public void The_feedback_model_on_SQLite_matches_its_migrations()
    {
        using var db = new SqliteFeedbackDbContext(new DbContextOptionsBuilder<SqliteFeedbackDbContext>()
            .UseSqlite(Sqlite, s => s.MigrationsHistoryTable(FeedbackDbContext.MigrationsHistoryTable)).Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The feedback model changed without a migration: dotnet run --project tools/MigrationScaffolder -- <Name> Feedback");
    }

    [Fact]
    public void The_feedback_model_on_PostgreSQL_matches_its_migrations()
    {
        using var db = new PostgresFeedbackDbContext(new DbContextOptionsBuilder<PostgresFeedbackDbContext>()
            .UseNpgsql(Postgres, n => n.MigrationsHistoryTable(FeedbackDbContext.MigrationsHistoryTable)).Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The feedback model changed without a migration: dotnet run --project tools/MigrationScaffolder -- <Name> Feedback");
    }
}

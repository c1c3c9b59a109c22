using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Tests.Unit.Feedback;

/// <summary>A clock that stands still until the test moves it.</summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;

    public void Advance(TimeSpan by) => Now += by;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The feedback tables in a private in-memory SQLite database, migrated like the real one.</summary>
public sealed class FeedbackDatabase : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public FeedbackDatabase()
    {
        connection.Open();
        using var db = Create();
        db.Database.Migrate();
    }

    public FeedbackDbContext Create() =>
        new SqliteFeedbackDbContext(new DbContextOptionsBuilder<SqliteFeedbackDbContext>()
            .UseSqlite(connection, s => s.MigrationsHistoryTable(FeedbackDbContext.MigrationsHistoryTable)).Options);

    public void Dispose() => connection.Dispose();
}

public static class Forms
{
    public static IFormCollection Of(params (string Key, string Value)[] fields) =>
        new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)));

    public static IOptions<AntiSpamOptions> AntiSpam(Action<AntiSpamOptions>? change = null)
    {
        var options = new AntiSpamOptions();
        change?.Invoke(options);
        return Options.Create(options);
    }
}

namespace UedaPublicGoals.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the "Database" section (Database__Provider=Postgres, Database__ConnectionString=…).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file under App_Data in the content root.</summary>
    public string? ConnectionString { get; set; }
}

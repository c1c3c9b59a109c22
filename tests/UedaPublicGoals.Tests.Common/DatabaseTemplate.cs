using Microsoft.Data.Sqlite;

namespace UedaPublicGoals.Tests.Common;

/// <summary>
/// One SQLite database per test run that a real start-up has migrated and seeded (with the
/// repository's content-seed and <see cref="PortalFactory.DefaultAdminPassword"/>); factories copy
/// it instead of migrating and importing again.
/// </summary>
public static class DatabaseTemplate
{
    private static readonly Lazy<string> TemplatePath = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyTo(string databasePath) => File.Copy(TemplatePath.Value, databasePath, overwrite: false);

    private static string Create()
    {
        var directory = Directory.CreateTempSubdirectory("ueda-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
        var path = Path.Combine(directory, "portal.db");

        using var site = new PortalFactory { UseDatabaseTemplate = false };
        _ = site.Services; // runs the real start-up: migrations, first administrator, seed import

        // The online backup copies a consistent database, write-ahead log included, while the
        // site is still running.
        using (var source = new SqliteConnection(site.SqliteConnectionString))
        using (var target = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        return path;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

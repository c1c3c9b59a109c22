using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Search.Indexing;

namespace UedaPublicGoals.Tests.Common;

/// <summary>
/// One SQLite database per test run that a real start-up has migrated and seeded (with the
/// repository's content-seed and <see cref="PortalFactory.DefaultAdminPassword"/>); factories copy
/// it instead of migrating and importing again. The search indexes that start-up built for it are
/// kept beside it: a portal given both finds its index up to date, as on a restart, instead of
/// building it again.
/// </summary>
public static class DatabaseTemplate
{
    private static readonly Lazy<string> TemplateDirectory = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyTo(string databasePath) => File.Copy(Path.Combine(TemplateDirectory.Value, DatabaseFile), databasePath, overwrite: false);

    /// <summary>Copies the template's search indexes (built from the template database) into <paramref name="indexPath"/>.</summary>
    public static void CopySearchIndexTo(string indexPath) => CopyDirectory(Path.Combine(TemplateDirectory.Value, SearchFolder), indexPath);

    private const string DatabaseFile = "portal.db";
    private const string SearchFolder = "search";

    private static string Create()
    {
        var directory = Directory.CreateTempSubdirectory("ueda-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
        var path = Path.Combine(directory, DatabaseFile);

        using var site = new PortalFactory { UseDatabaseTemplate = false };
        _ = site.Services; // runs the real start-up: migrations, first administrator, seed import

        // The indexer builds in the background; a flush completes once that build is committed.
        site.Services.GetRequiredService<SearchIndexer>().FlushAsync().WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        CopyDirectory(site.SearchIndexPath, Path.Combine(directory, SearchFolder));

        // The online backup copies a consistent database, write-ahead log included, while the
        // site is still running.
        using (var source = new SqliteConnection(site.SqliteConnectionString))
        using (var target = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        return directory;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var folder in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, folder)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            // The writer's lock belongs to the running site, not to the index.
            if (Path.GetFileName(file) != "write.lock")
            {
                File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: false);
            }
        }
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

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace UedaPublicGoals.Infrastructure.Database;

public static class DatabaseExtensions
{
    /// <summary>Registers <see cref="PortalDbContext"/> on the configured provider.</summary>
    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.PortalDatabaseOptions();
        builder.Services.AddSingleton(options);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = options.ConnectionString!;
                EnsureSqliteDirectory(sqlite);
                builder.Services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o =>
                    o.UseSqlite(sqlite).AddInterceptors(new Audit.AppendOnlyAuditInterceptor()));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Database__Provider=Postgres needs Database__ConnectionString (e.g. Host=127.0.0.1;Database=ueda;Username=ueda;Password=…).");
                }

                builder.Services.AddDbContext<PortalDbContext, PostgresPortalDbContext>(o =>
                    o.UseNpgsql(options.ConnectionString).AddInterceptors(new Audit.AppendOnlyAuditInterceptor()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database__Provider '{options.Provider}'. Use Sqlite or Postgres.");
        }

        return builder;
    }

    /// <summary>
    /// The "Database" section, read while services are registered (the provider decides which
    /// DbContext types exist), with SQLite's default file filled in. The feedback module gets the
    /// same values through its FeedbackOptions.
    /// </summary>
    public static DatabaseOptions PortalDatabaseOptions(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = DefaultSqliteConnectionString(builder.Environment.ContentRootPath);
        }

        if (options.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = WithPreparedStatements(options.ConnectionString);
        }

        return options;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements the portal repeats (the comment writer's, each page's
    /// lookups), so PostgreSQL parses and plans them once per connection instead of on every call.
    /// An operator's own "Max Auto Prepare" in the connection string wins.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        // NpgsqlConnectionStringBuilder answers ContainsKey for every keyword it knows, so look at what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        if (written.Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare), StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    /// <summary>Enough for every statement on the busy paths; each costs a little memory on the server per connection.</summary>
    private const int AutoPreparedStatements = 64;

    public static string DefaultSqliteConnectionString(string contentRoot) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(contentRoot, "App_Data", "portal.db") }.ToString();

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

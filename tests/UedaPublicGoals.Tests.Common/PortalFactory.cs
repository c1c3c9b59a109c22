using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Tests.Common;

/// <summary>
/// The real site through the real HTTP pipeline, on a real SQLite file of its own
/// (or a PostgreSQL database when given a connection string).
/// </summary>
/// <remarks>
/// A site with the default seed and administrator starts from a copy of
/// <see cref="DatabaseTemplate"/> (migrated and seeded once per test run), so each test pays for a
/// file copy instead of the migrations and the seed import. The start-up still runs them: they
/// find nothing to do, exactly as on a restart.
/// </remarks>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.jp";
    public const string DefaultAdminPassword = "kanri-sha no pasuwado 2024";

    /// <summary>
    /// PBKDF2 rounds for passwords hashed by a test portal. The site keeps Identity's default
    /// (100,000); tests create and sign in hundreds of accounts, and at the default each hash costs
    /// about 55 ms of CPU. Fewer rounds keep the same hash format, the same verification and the
    /// same wrong-password failures.
    /// </summary>
    public const int PasswordHashIterations = 10;

    private readonly string workDirectory = Directory.CreateTempSubdirectory("ueda-tests-").FullName;

    public PortalFactory()
    {
        SqliteConnectionString = $"Data Source={SqlitePath}";
    }

    public string SqliteConnectionString { get; }

    /// <summary>When set, the site runs on PostgreSQL instead of the SQLite file.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Defaults to the repository's content-seed folder.</summary>
    public string SeedPath { get; init; } = RepositoryPaths.ContentSeed;

    /// <summary>The first administrator's password; null makes the site generate a one-time password.</summary>
    public string? AdminPassword { get; init; } = DefaultAdminPassword;

    /// <summary>
    /// False makes the site create its database from nothing (migrations, seed import, first
    /// administrator), for tests of that first start itself.
    /// </summary>
    public bool UseDatabaseTemplate { get; init; } = true;

    /// <summary>
    /// With the database template, also start from the search indexes built for it (found up to
    /// date at start). False makes the site build its indexes at start, for tests of that build.
    /// </summary>
    public bool UseSearchIndexTemplate { get; init; } = true;

    public string WorkDirectory => workDirectory;

    private string SqlitePath => Path.Combine(workDirectory, "portal.db");

    public string SearchIndexPath => Path.Combine(workDirectory, "search");

    /// <summary>
    /// Roles that need two-factor sign-in on this fresh database. The site requires it of 管理者 and 広報
    /// by default (null keeps that); most tests are about something else and sign in with a password only.
    /// </summary>
    public string? TwoFactorRequiredRoles { get; init; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (PostgresConnectionString is null)
        {
            if (UseDatabaseTemplate && SeedPath == RepositoryPaths.ContentSeed && AdminPassword == DefaultAdminPassword && TwoFactorRequiredRoles == "" && !File.Exists(SqlitePath))
            {
                DatabaseTemplate.CopyTo(SqlitePath);
                if (UseSearchIndexTemplate && !Directory.Exists(SearchIndexPath))
                {
                    DatabaseTemplate.CopySearchIndexTo(SearchIndexPath);
                }
            }

            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", SqliteConnectionString);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", PostgresConnectionString);
        }

        builder.UseSetting("Content:SeedPath", SeedPath);
        builder.UseSetting("Site:PublicBaseUrl", "https://goals.example.jp");
        if (TwoFactorRequiredRoles is not null)
        {
            builder.UseSetting("Backoffice:TwoFactor:RequiredRoles", TwoFactorRequiredRoles);
        }
        if (AdminPassword is not null)
        {
            builder.UseSetting("Backoffice:AdminEmail", AdminEmail);
            builder.UseSetting("Backoffice:AdminPassword", AdminPassword);
        }

        builder.UseSetting("Search:IndexPath", SearchIndexPath);
        builder.UseSetting("Media:StoragePath", Path.Combine(workDirectory, "media"));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, ThrowingEndpointStartupFilter>();
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);
        });
    }

    public PublishedContentCache ReadModel => Services.GetRequiredService<PublishedContentCache>();

    /// <summary>Runs <paramref name="work"/> with a scoped ContentStore, as a backoffice request would.</summary>
    public async Task WithStoreAsync(Func<ContentStore, PortalDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<ContentStore>(), scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public HttpClient CreatePublicClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteWorkDirectory();
    }

    private void DeleteWorkDirectory()
    {
        // Only this portal's pool: clearing every pool races with other tests opening theirs (a disposed handle, a 500).
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(SqliteConnectionString))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool is removed with the temp folder later; not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>Adds /__test/throw so the error page can be checked against a real unhandled exception.</summary>
    private sealed class ThrowingEndpointStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/__test/throw", branch => branch.Run(_ => throw new InvalidOperationException("secret-internal-detail from a test")));
        };
    }
}

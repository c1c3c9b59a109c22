using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Tests.Integration.Infrastructure;

/// <summary>
/// The real site through the real HTTP pipeline, on a real SQLite file of its own
/// (or a PostgreSQL database when given a connection string).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string workDirectory = Directory.CreateTempSubdirectory("ueda-tests-").FullName;

    public PortalFactory()
    {
        SqliteConnectionString = $"Data Source={Path.Combine(workDirectory, "portal.db")}";
    }

    public string SqliteConnectionString { get; }

    /// <summary>When set, the site runs on PostgreSQL instead of the SQLite file.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Defaults to the repository's content-seed folder.</summary>
    public string SeedPath { get; init; } = RepositoryPaths.ContentSeed;

    public string WorkDirectory => workDirectory;

    public const string AdminEmail = "admin@example.jp";

    /// <summary>The first administrator's password; null makes the site generate a one-time password.</summary>
    public string? AdminPassword { get; init; } = "kanri-sha no pasuwado 2024";

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

        builder.UseSetting("Search:IndexPath", Path.Combine(workDirectory, "search"));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpointStartupFilter>());
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool is removed with the temp folder later; not a test failure.
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

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ContentSeed => Path.Combine(Root, "content-seed");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UedaPublicGoals.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("UedaPublicGoals.sln not found above " + AppContext.BaseDirectory);
    }
}

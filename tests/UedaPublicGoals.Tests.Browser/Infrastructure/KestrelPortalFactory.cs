using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace UedaPublicGoals.Tests.Browser.Infrastructure;

/// <summary>
/// The real site on a real Kestrel socket (a browser cannot talk to the in-memory TestServer),
/// with the same settings as the integration tests' PortalFactory: environment "Testing",
/// a SQLite file of its own, the repository's content-seed and a fixed public base URL.
/// </summary>
/// <remarks>
/// Uses <c>WebApplicationFactory.UseKestrel(Action&lt;KestrelServerOptions&gt;)</c> and
/// <c>StartServer()</c>, new in Microsoft.AspNetCore.Mvc.Testing 10.0. Kestrel listens on the
/// IPv4 loopback address only, on port 0, so the operating system picks a free port
/// (no probe-then-bind race); the port actually bound is read back from the server.
/// </remarks>
public sealed class KestrelPortalFactory : WebApplicationFactory<Program>
{
    private readonly string workDirectory = Directory.CreateTempSubdirectory("ueda-browser-tests-").FullName;

    public KestrelPortalFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string SqliteConnectionString => $"Data Source={Path.Combine(workDirectory, "portal.db")}";

    /// <summary>http://127.0.0.1:{port}, valid after <see cref="Start"/>.</summary>
    public Uri RootUri { get; private set; } = null!;

    /// <summary>Starts Kestrel (the site imports and publishes the seed during start-up).</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no server addresses.");
        var address = addresses.Select(a => new Uri(a)).FirstOrDefault(a => a.Port > 0)
            ?? throw new InvalidOperationException("Kestrel reported no bound port: " + string.Join(", ", addresses));
        if (!IPAddress.TryParse(address.Host, out var ip) || !IPAddress.IsLoopback(ip))
        {
            throw new InvalidOperationException($"Kestrel must listen on 127.0.0.1 only, but reported {address}.");
        }

        RootUri = new Uri($"http://127.0.0.1:{address.Port}/");
        return RootUri;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", SqliteConnectionString);
        builder.UseSetting("Content:SeedPath", RepositoryPaths.ContentSeed);
        builder.UseSetting("Site:PublicBaseUrl", "https://goals.example.jp");
        builder.UseSetting("Backoffice:TwoFactor:RequiredRoles", ""); // 2FA enrolment is covered by the integration tests
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the temp folder clean-up; not a test failure.
        }
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

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace UedaPublicGoals.Tests.Common;

/// <summary>
/// <see cref="PortalFactory"/> on a real Kestrel socket (a browser cannot talk to the in-memory
/// TestServer), with optional extra settings.
/// </summary>
/// <remarks>
/// Kestrel listens on the IPv4 loopback address only, on port 0, so the operating system picks a
/// free port (no probe-then-bind race); the port actually bound is read back from the server.
/// </remarks>
public class KestrelPortalFactory : PortalFactory
{
    public KestrelPortalFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Extra configuration, e.g. ["Feedback:AntiSpam:ProofOfWork"] = "On".</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>http://127.0.0.1:{port}, valid after <see cref="Start"/>.</summary>
    public Uri RootUri { get; private set; } = null!;

    /// <summary>Starts Kestrel (the site migrates and publishes the seed during start-up).</summary>
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
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

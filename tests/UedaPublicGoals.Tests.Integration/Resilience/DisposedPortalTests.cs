using System.Runtime.CompilerServices;

namespace UedaPublicGoals.Tests.Integration.Resilience;

/// <summary>
/// A stopped application leaves nothing running that keeps it alive. ASP.NET Core's rate-limiting
/// middleware did (its limiter's timer, dotnet/aspnetcore#66434): every test portal stayed in memory and
/// woke ten times a second until the test process ended.
/// </summary>
public sealed class DisposedPortalTests
{
    [Fact]
    public async Task A_disposed_portal_is_collected_with_its_services()
    {
        var services = await StartServeAndDisposeAsync();

        for (var i = 0; i < 3 && services.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(services.IsAlive, "Something still holds the disposed portal's service provider.");
    }

    // Not inlined, so no local of this frame keeps the portal reachable from the test method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> StartServeAndDisposeAsync()
    {
        var portal = new PortalFactory();
        var client = portal.CreatePublicClient();
        (await client.GetAsync("/")).EnsureSuccessStatusCode();
        (await client.GetAsync("/iken/dai3ji-sogo-keikaku/")).EnsureSuccessStatusCode();
        var services = new WeakReference(portal.Services);
        client.Dispose();
        await portal.DisposeAsync();
        return services;
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Readable;

/// <summary>A clock stopped at a given moment: "today" in the reporting calendar is what the test says.</summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The seeded portal on a stopped clock, e.g. "2024-11-01T00:00 in Japan".</summary>
public sealed class ClockedPortal(DateTimeOffset now) : PortalFactory
{
    public static ClockedPortal InJapanAt(string localTime) =>
        new(DateTimeOffset.Parse(localTime + "+09:00", System.Globalization.CultureInfo.InvariantCulture));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new StoppedClock(now)));
    }
}

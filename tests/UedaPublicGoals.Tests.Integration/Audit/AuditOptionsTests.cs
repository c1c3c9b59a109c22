using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Audit;

/// <summary>The audit salt is a validated setting: a guessable one stops start-up; one value hashes alike on every node.</summary>
public sealed class AuditOptionsTests
{
    [Fact]
    public void A_short_audit_salt_stops_start_up_naming_the_setting()
    {
        using var portal = new SaltedPortal("kantan");
        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());
        Assert.Contains("Audit:ClientHashSalt", error.Message);
    }

    [Fact]
    public void Nodes_with_the_same_salt_hash_a_client_alike_and_without_one_each_process_differs()
    {
        const string salt = "onaji-shio-wo-subete-no-node-ni";
        using var nodeA = new SaltedPortal(salt);
        using var nodeB = new SaltedPortal(salt);
        using var unsalted = new SaltedPortal(null);

        string HashOf(PortalFactory node) => node.Services.GetRequiredService<AuditClientHasher>().Hash("192.0.2.10");

        Assert.Equal(HashOf(nodeA), HashOf(nodeB));
        Assert.NotEqual(HashOf(nodeA), HashOf(unsalted));
    }

    private sealed class SaltedPortal(string? salt) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (salt is not null)
            {
                builder.UseSetting("Audit:ClientHashSalt", salt);
            }
        }
    }
}

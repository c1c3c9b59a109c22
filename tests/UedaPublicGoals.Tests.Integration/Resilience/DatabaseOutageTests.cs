using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Resilience;

/// <summary>A PostgreSQL server that goes away under a running node: Japanese 503 with Retry-After, not 500.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Pages_that_need_the_database_answer_503_with_Retry_After_while_it_is_down()
    {
        // A server of its own, so stopping it disturbs no other test.
        var server = new PostgresServer();
        await server.InitializeAsync();
        using var portal = new PortalFactory { PostgresConnectionString = server.SeededConnectionStringFor("outage") };
        var client = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/iken/dai3ji-sogo-keikaku/")).StatusCode);
        var login = BackofficeSession.Open(portal);
        var token = await login.AntiforgeryTokenAsync("/backoffice/login");

        await server.DisposeAsync();

        foreach (var response in new[]
        {
            await client.GetAsync("/iken/dai3ji-sogo-keikaku/"),
            await login.Client.PostAsync("/backoffice/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = PortalFactory.AdminEmail, ["Password"] = "whatever it is", ["__RequestVerificationToken"] = token,
            })),
        })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("30", response.Headers.GetValues("Retry-After").Single());
            // The comment form says it in its own words (the feedback module's page); everything else
            // gets the site's.
            Assert.True(html.Contains("ただいまサービスを利用できません", StringComparison.Ordinal) || html.Contains("ただいま意見を受け付けられません", StringComparison.Ordinal), html);
            Assert.DoesNotContain("Npgsql", html);
        }

        // Pages served from the in-memory read model keep working through the outage.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/seisaku-kikaku/r6/")).StatusCode);
    }
}

using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Resilience;

/// <summary>
/// Nodes started at the same moment on one empty PostgreSQL database: before the start-up lock one of
/// two crashed with 'relation "CacheInstructions" already exists'; now they take turns and both serve.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MultiNodeStartTests(PostgresServer postgres)
{
    [Fact]
    public async Task Three_nodes_started_together_on_an_empty_database_all_come_up_and_serve()
    {
        var connectionString = postgres.ConnectionStringFor("multi_node_start");
        var nodes = Enumerable.Range(0, 3).Select(_ => new PortalFactory { PostgresConnectionString = connectionString }).ToList();
        try
        {
            using var go = new Barrier(nodes.Count);
            // Each node builds and starts its host on its own thread, released together.
            await Task.WhenAll(nodes.Select(node => Task.Run(() =>
            {
                go.SignalAndWait();
                _ = node.Server;
            })));

            foreach (var node in nodes)
            {
                var client = node.CreatePublicClient();
                var response = await client.GetAsync("/seisaku-kikaku/r6/");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/iken/dai3ji-sogo-keikaku/")).StatusCode);
            }

            // The seed went in once, not once per node.
            Assert.Equal((1, 1, 7, 7), await Content.SeedImportTests.CountRowsAsync(nodes[0].Services));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }
}

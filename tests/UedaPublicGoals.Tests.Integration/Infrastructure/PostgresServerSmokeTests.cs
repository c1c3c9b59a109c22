using Npgsql;

namespace UedaPublicGoals.Tests.Integration.Infrastructure;

/// <summary>Proves the throwaway PostgreSQL server really runs and hands out separate databases.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerSmokeTests
{
    private readonly PostgresServer _server;

    public PostgresServerSmokeTests(PostgresServer server) => _server = server;

    [Fact]
    public async Task Server_answers_select_version()
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionStringFor("smoke_version"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version()", connection);

        var version = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(version);
        Assert.Contains("PostgreSQL", version);
    }

    [Fact]
    public async Task Databases_are_created_on_demand_and_are_distinct()
    {
        var first = _server.ConnectionStringFor("smoke_first");
        var second = _server.ConnectionStringFor("smoke_second");

        Assert.NotEqual(first, second);
        Assert.Equal(first, _server.ConnectionStringFor("smoke_first"));

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            Assert.Equal("smoke_first", await ScalarAsync(connection, "select current_database()"));
            await ExecuteAsync(connection, "create table marker (id int primary key)");
            await ExecuteAsync(connection, "insert into marker values (1)");
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            Assert.Equal("smoke_second", await ScalarAsync(connection, "select current_database()"));
            // The table made in the first database is not visible in the second.
            Assert.Null(await ScalarAsync(connection, "select to_regclass('public.marker')::text"));
        }

        await using (var admin = new NpgsqlConnection(_server.AdminConnectionString))
        {
            await admin.OpenAsync();
            var count = await ScalarAsync(admin,
                "select count(*)::text from pg_database where datname in ('smoke_first', 'smoke_second')");
            Assert.Equal("2", count);
        }
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? null : result.ToString();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

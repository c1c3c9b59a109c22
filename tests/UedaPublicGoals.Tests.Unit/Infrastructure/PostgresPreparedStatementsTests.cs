using Npgsql;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Tests.Unit.Infrastructure;

public class PostgresPreparedStatementsTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_auto_preparation()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithPreparedStatements("Host=127.0.0.1;Database=ueda;Username=ueda"));

        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal("127.0.0.1", result.Host);
        Assert.Equal("ueda", result.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    [InlineData("Host=db;max auto prepare=0")]
    public void The_operators_own_setting_wins_however_it_is_written(string connectionString)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithPreparedStatements(connectionString));

        Assert.Equal(0, result.MaxAutoPrepare);
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UedaPublicGoals.Feedback.Data;

/// <summary>
/// Sets SQLite's own busy timeout on every connection the module opens. Without it a writer that
/// finds the database locked falls back to Microsoft.Data.Sqlite's retry, which sleeps 150 ms at a
/// time; SQLite's handler retries within a few milliseconds of the lock being released.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

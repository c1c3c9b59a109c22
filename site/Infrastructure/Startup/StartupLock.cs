using Microsoft.EntityFrameworkCore;
using Npgsql;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Infrastructure.Startup;

/// <summary>
/// Serialises start-up work (migrations, first administrator, seed) between nodes that start at the
/// same moment on one PostgreSQL database: each node takes a session-level advisory lock, so the
/// second waits while the first migrates and then finds nothing left to do. SQLite is single-node
/// (one file, one process writing at a time) and needs no lock.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any constant both nodes agree on; "UedaPG01" as bytes, so it does not clash with another application's key by accident.
    private const long AdvisoryLockKey = 0x5565646150473031;

    private readonly NpgsqlConnection? connection;

    private StartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<StartupLock> AcquireAsync(PortalDbContext db, ILogger logger, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return new StartupLock(null);
        }

        // A connection of its own (not pooled): the lock lives exactly as long as this connection,
        // so a node that dies while holding it frees it at once.
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            command.CommandTimeout = 0; // waiting for another node's migrations is expected, however long they take
            logger.LogInformation("Waiting for the start-up lock (another node may be migrating the database).");
            await command.ExecuteNonQueryAsync(ct);
            logger.LogInformation("Start-up lock acquired.");
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            // Closing the unpooled connection ends the session, which releases the lock.
            await connection.DisposeAsync();
        }
    }
}

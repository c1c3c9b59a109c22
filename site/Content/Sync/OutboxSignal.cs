using Npgsql;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Sync;

/// <summary>
/// On PostgreSQL, wakes the other nodes the moment outbox rows commit: the publishing transaction runs
/// NOTIFY (delivered only on commit), and every node LISTENs on a connection of its own. Polling stays as
/// the safety net (a dropped connection, SQLite). Nothing happens on SQLite, which is one node anyway.
/// </summary>
public sealed class OutboxSignal(DatabaseOptions database, ILogger<OutboxSignal> logger)
{
    public const string Channel = "ueda_cache_instructions";

    public bool Enabled => database.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// SQL that announces new outbox rows; run inside the publishing transaction. The payload names the origin,
    /// so the publishing node (which already ran its handlers) does not wake itself for nothing.
    /// </summary>
    public static FormattableString Notify(NodeIdentity origin) => $"SELECT pg_notify({Channel}, {origin.Id})";

    /// <summary>
    /// Calls <paramref name="wake"/> with the origin node of every notification until stopped, and with an
    /// empty origin after each (re)connection; reconnects after a failure.
    /// </summary>
    public async Task ListenAsync(Action<string> wake, CancellationToken ct)
    {
        while (Enabled && !ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                connection.Notification += (_, e) => wake(e.Payload);
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                // Changes committed while (re)connecting were not announced to us: look once.
                wake("");
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Listening for outbox notifications failed; polling carries on, reconnecting in 5 s.");
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

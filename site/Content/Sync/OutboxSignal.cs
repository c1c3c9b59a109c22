using System.Globalization;
using System.Text;
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

    /// <summary>Rows a payload carries at most (PostgreSQL caps a payload at 8000 bytes); a bigger batch sends the origin alone.</summary>
    public const int MaxAnnouncedRows = 100;

    public bool Enabled => database.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// SQL that announces new outbox rows; run inside the publishing transaction, after the rows got their ids. The
    /// payload names the origin (which already ran its handlers, so it ignores its own) and carries the rows, so the
    /// other nodes start their handlers without first reading the outbox back.
    /// </summary>
    public static FormattableString Notify(NodeIdentity origin, IReadOnlyCollection<CacheInstruction> rows) =>
        $"SELECT pg_notify({Channel}, {Payload(origin.Id, rows)})";

    /// <summary>First line the origin node, then one line per row: "id document".</summary>
    internal static string Payload(string originNode, IReadOnlyCollection<CacheInstruction> rows)
    {
        var payload = new StringBuilder(originNode);
        if (rows.Count <= MaxAnnouncedRows)
        {
            foreach (var row in rows)
            {
                payload.Append('\n').Append(row.Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(row.DocumentId.ToString("N"));
            }
        }

        return payload.ToString();
    }

    /// <summary>Reads a payload back; anything unreadable announces nothing, and the outbox read finds the rows.</summary>
    internal static OutboxNotification Parse(string payload)
    {
        var lines = payload.Split('\n');
        var rows = new List<CacheInstruction>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !Guid.TryParseExact(parts[1], "N", out var document))
            {
                return new OutboxNotification(lines[0], []);
            }

            rows.Add(new CacheInstruction { Id = id, DocumentId = document, OriginNode = lines[0] });
        }

        return new OutboxNotification(lines[0], rows);
    }

    /// <summary>
    /// Calls <paramref name="wake"/> on every notification until stopped, and with an empty one (origin unknown)
    /// after each (re)connection; reconnects after a failure.
    /// </summary>
    public async Task ListenAsync(Action<OutboxNotification> wake, CancellationToken ct)
    {
        while (Enabled && !ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                connection.Notification += (_, e) => wake(Parse(e.Payload));
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                // Changes committed while (re)connecting were not announced to us: look once.
                wake(new OutboxNotification("", []));
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

/// <summary>One NOTIFY: the node that committed (empty: unknown) and the outbox rows it announced (possibly none).</summary>
public sealed record OutboxNotification(string OriginNode, IReadOnlyList<CacheInstruction> Rows);

using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace UedaPublicGoals.Kernel;

/// <summary>Sorts database exceptions into "the database is unreachable" and "two requests raced for the same row".</summary>
public static class DatabaseFailures
{
    // SQLite result codes: busy, locked, I/O error, disk full, cannot open.
    private static readonly HashSet<int> SqliteOutageCodes = [5, 6, 10, 13, 14];

    /// <summary>The database cannot be reached or is refusing work for now: a 503, not a bug.</summary>
    public static bool IsOutage(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources (too many connections, disk full)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal), // administrator shutdown, crash, cannot connect now
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException,
        SqliteException sqlite => SqliteOutageCodes.Contains(sqlite.SqliteErrorCode),
        _ => false,
    });

    /// <summary>A unique constraint refused a second copy (the same form sent twice): expected, not an error.</summary>
    public static bool IsUniqueRace(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    });

    public static bool IsDatabaseFailure(Exception exception) => IsOutage(exception) || IsUniqueRace(exception);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace UedaPublicGoals.Tests.Integration.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL server for integration tests, started from Debian's
/// <c>postgresql</c> package binaries (no Docker). One server per test run is shared through
/// <see cref="PostgresCollection"/>; each test class should ask for its own database with
/// <see cref="ConnectionStringFor"/>.
/// </summary>
/// <remarks>
/// Binaries are looked up in <c>PG_BIN</c> (if set) or the highest version under
/// <c>/usr/lib/postgresql/*/bin</c>. initdb refuses to run as root, so when the test process is
/// root the cluster is owned by, and run as, the <c>postgres</c> user through <c>runuser</c>.
/// The server listens on 127.0.0.1 on a free port with trust authentication and durability
/// switched off (fsync, synchronous_commit, full_page_writes) for speed.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    public PostgresServer() => _seededTemplate = new(CreateSeededTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public const string BinariesNotFoundMessage =
        "PostgreSQL server binaries not found: install Debian's postgresql package (./test.sh does this) or set PG_BIN";

    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, string> _databases = new(StringComparer.Ordinal);
    private readonly object _createLock = new();
    private readonly Lazy<string> _seededTemplate;

    private string? _binDir;
    private string? _baseDir;
    private string? _dataDir;
    private string? _socketDir;
    private string? _logFile;
    private bool _runAsServiceUser;
    private bool _started;

    /// <summary>Host the server listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>TCP port the server listens on (valid after initialisation).</summary>
    public int Port { get; private set; }

    /// <summary>Directory holding the server's binaries (initdb, pg_ctl, postgres).</summary>
    public string BinDirectory => _binDir ?? throw NotStarted();

    /// <summary>Path of the server log (useful when a test wants to show what the server said).</summary>
    public string LogFile => _logFile ?? throw NotStarted();

    /// <summary>Connection string for the <c>postgres</c> maintenance database, as superuser.</summary>
    public string AdminConnectionString => BuildConnectionString("postgres");

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // Don't leave a half-made cluster (or a running postmaster) behind when start-up fails.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        _binDir = FindBinDirectory();
        _runAsServiceUser = IsRoot();

        if (_runAsServiceUser && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser")
            && !File.Exists("/usr/bin/runuser") && !File.Exists("/bin/runuser"))
        {
            throw new InvalidOperationException(
                "Running as root but 'runuser' was not found; it is needed to run initdb/pg_ctl as the 'postgres' user.");
        }

        // As root the tree must be reachable by the postgres user, so it goes under /tmp rather than
        // a TMPDIR that might sit inside /root. Paths stay short: a Unix socket path is limited to ~107 bytes.
        var tempRoot = _runAsServiceUser ? "/tmp" : Path.GetTempPath();
        _baseDir = Path.Combine(tempRoot, "ueda-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _dataDir = Path.Combine(_baseDir, "data");
        _socketDir = Path.Combine(_baseDir, "sock");
        _logFile = Path.Combine(_baseDir, "server.log");

        Directory.CreateDirectory(_baseDir);
        Directory.CreateDirectory(_socketDir);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            File.SetUnixFileMode(_baseDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (_runAsServiceUser)
        {
            await RunAsync("chown", new[] { "-R", $"{ServiceUser}:", _baseDir }, asServiceUser: false);
        }

        await RunAsync(Path.Combine(_binDir, "initdb"), new[]
        {
            "-D", _dataDir,
            "-A", "trust",
            "-U", "postgres",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        }, asServiceUser: _runAsServiceUser, failurePrefix: "initdb failed");

        // Another process can grab the port between probing and binding: retry on a new port then,
        // but fail at once on any other start-up error (the message carries the server log's tail).
        const int attempts = 3;
        for (var attempt = 1; !_started; attempt++)
        {
            Port = GetFreePort();
            var logOffset = File.Exists(_logFile) ? new FileInfo(_logFile).Length : 0;
            try
            {
                await RunAsync(Path.Combine(_binDir, "pg_ctl"), new[]
                {
                    "-w",
                    "-t", "60",
                    "-D", _dataDir,
                    "-l", _logFile,
                    "-o", $"-k '{_socketDir}' -p {Port} -c listen_addresses=127.0.0.1 -c fsync=off " +
                          "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start",
                }, asServiceUser: _runAsServiceUser, failurePrefix: $"pg_ctl start failed (port {Port}, attempt {attempt})");
                _started = true;
            }
            catch (InvalidOperationException) when (attempt < attempts && LogSince(logOffset).Contains("already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Make sure a half-started postmaster is gone before trying again.
                await TryStopAsync();
            }
        }

        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        // Prove the server answers over TCP before any test runs.
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"PostgreSQL started on {Host}:{Port} but a connection failed: {ex.Message}{Environment.NewLine}{LogTail()}", ex);
        }

        StartupTime = stopwatch.Elapsed;
    }

    /// <summary>How long <see cref="InitializeAsync"/> took (initdb + start + first connection).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// Returns a connection string for <paramref name="database"/>, creating the database first if it
    /// does not exist yet. Safe to call concurrently and repeatedly.
    /// </summary>
    public string ConnectionStringFor(string database) => Ensure(database, template: null);

    /// <summary>
    /// Returns a connection string for a new database copied (CREATE DATABASE … TEMPLATE) from one that a real
    /// start-up migrated and seeded once per run, as <see cref="DatabaseTemplate"/> does for SQLite: a test that
    /// needs the seeded portal skips migrating and importing. Tests of migrations or of the seed import itself
    /// take an empty database from <see cref="ConnectionStringFor"/>.
    /// </summary>
    public string SeededConnectionStringFor(string database) => Ensure(database, _seededTemplate.Value);

    /// <summary>Creates <paramref name="database"/> once (empty, or as a copy of <paramref name="template"/>) and returns its connection string.</summary>
    private string Ensure(string database, string? template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (!_started)
        {
            throw NotStarted();
        }

        if (_databases.TryGetValue(database, out var cached))
        {
            return cached;
        }

        lock (_createLock)
        {
            if (_databases.TryGetValue(database, out cached))
            {
                return cached;
            }

            using (var connection = new NpgsqlConnection(AdminConnectionString))
            {
                connection.Open();
                bool exists;
                using (var check = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection))
                {
                    check.Parameters.AddWithValue("name", database);
                    exists = check.ExecuteScalar() is not null;
                }

                if (!exists)
                {
                    var copy = template is null ? "" : $" TEMPLATE {QuoteIdentifier(template)}";
                    using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}{copy}", connection);
                    try
                    {
                        create.ExecuteNonQuery();
                    }
                    catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
                    {
                        // Created by someone else in the meantime: fine.
                    }
                }
            }

            var connectionString = BuildConnectionString(database);
            _databases[database] = connectionString;
            return connectionString;
        }
    }

    private string CreateSeededTemplate()
    {
        const string template = "portal_seeded_template";
        var connectionString = ConnectionStringFor(template);
        using (var site = new PortalFactory { PostgresConnectionString = connectionString })
        {
            _ = site.Services; // the real start-up: migrations, first administrator, seed import
        }

        // A template must have no open connections when it is copied: close the pooled ones the site left.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        return template;
    }

    /// <summary>Drops <paramref name="database"/> (if it exists), terminating its connections.</summary>
    public void DropDatabase(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        lock (_createLock)
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(database)} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            _databases.TryRemove(database, out _);
        }
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await TryStopAsync();
        _started = false;

        if (_baseDir is not null && Directory.Exists(_baseDir))
        {
            try
            {
                Directory.Delete(_baseDir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Leave it behind rather than failing the run; it lives under the temp directory.
            }
        }
    }

    /// <summary>Last lines of the server log, for diagnostics.</summary>
    public string LogTail(int lines = 40)
    {
        if (_logFile is null || !File.Exists(_logFile))
        {
            return "(no server log)";
        }

        try
        {
            using var stream = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return $"--- last {Math.Min(lines, all.Length)} lines of {_logFile} ---{Environment.NewLine}"
                   + string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException ex)
        {
            return $"(could not read server log {_logFile}: {ex.Message})";
        }
    }

    private string LogSince(long offset)
    {
        try
        {
            using var stream = new FileStream(_logFile!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = false,
        Timeout = 30,
        CommandTimeout = 60,
    }.ConnectionString;

    private async Task TryStopAsync()
    {
        if (_binDir is null || _dataDir is null || !File.Exists(Path.Combine(_dataDir, "postmaster.pid")))
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binDir, "pg_ctl"),
                new[] { "-w", "-t", "30", "-D", _dataDir, "-m", "immediate", "stop" },
                asServiceUser: _runAsServiceUser, failurePrefix: "pg_ctl stop failed");
        }
        catch (Exception)
        {
            KillPostmaster();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // Safety net for a test host that exits without disposing fixtures.
        if (_started)
        {
            try
            {
                TryStopAsync().Wait(TimeSpan.FromSeconds(20));
            }
            catch
            {
                KillPostmaster();
            }
        }
    }

    private void KillPostmaster()
    {
        try
        {
            var pidFile = _dataDir is null ? null : Path.Combine(_dataDir, "postmaster.pid");
            if (pidFile is null || !File.Exists(pidFile))
            {
                return;
            }

            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (int.TryParse(firstLine?.Trim(), out var pid))
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
        }
        catch
        {
            // Best effort only.
        }
    }

    private async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, bool asServiceUser,
        string? failurePrefix = null)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The postgres user cannot enter /root (or wherever the tests run from).
            WorkingDirectory = _baseDir ?? Path.GetTempPath(),
        };

        if (asServiceUser)
        {
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(ServiceUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Inherited libpq/server variables must not redirect the throwaway cluster.
        foreach (var variable in new[] { "PGDATA", "PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS", "PGPASSWORD", "PGSERVICE" })
        {
            startInfo.Environment.Remove(variable);
        }
        startInfo.Environment["LC_ALL"] = "C";

        var commandLine = $"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}";
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{failurePrefix ?? "Could not run"}: {commandLine}: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch { /* already gone */ }
            throw new InvalidOperationException(
                $"{failurePrefix ?? "Command timed out"}: '{commandLine}' did not finish within {CommandTimeout}.{Environment.NewLine}{LogTail()}");
        }

        var stdout = await stdoutTask;
        var stderr = await stderrTask;
        if (process.ExitCode != 0)
        {
            var message = new StringBuilder()
                .Append(failurePrefix ?? "Command failed").Append(": '").Append(commandLine)
                .Append("' exited with ").Append(process.ExitCode).AppendLine()
                .AppendLine("stdout: " + stdout.Trim())
                .AppendLine("stderr: " + stderr.Trim())
                .Append(LogTail())
                .ToString();
            throw new InvalidOperationException(message);
        }

        return stdout;
    }

    private static string FindBinDirectory()
    {
        static bool HasServer(string dir) =>
            File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        var overrideDir = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(overrideDir))
        {
            return HasServer(overrideDir) ? overrideDir : throw new InvalidOperationException(BinariesNotFoundMessage);
        }

        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var best = Directory.GetDirectories(root)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                .Where(candidate => candidate.Version is not null && HasServer(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .FirstOrDefault();
            if (best.Dir is not null)
            {
                return best.Dir;
            }
        }

        throw new InvalidOperationException(BinariesNotFoundMessage);
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;

    private static int GetFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static bool IsRoot()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return geteuid() == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return Environment.UserName == "root";
        }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static InvalidOperationException NotStarted() =>
        new("The PostgreSQL server has not been started (is the test in the PostgreSQL collection?).");
}

/// <summary>Test classes in this collection share one <see cref="PostgresServer"/>.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

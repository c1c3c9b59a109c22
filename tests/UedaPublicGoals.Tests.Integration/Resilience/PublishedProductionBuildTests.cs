using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Resilience;

/// <summary>
/// The README's production start: the published build run as its own process with
/// ASPNETCORE_ENVIRONMENT=Production. A failing request gets the Japanese error page, never the
/// developer exception page with stack traces, source paths and the request's cookies.
/// </summary>
public sealed class PublishedProductionBuildTests(PublishedProductionBuildTests.PublishedSite site) : IClassFixture<PublishedProductionBuildTests.PublishedSite>
{
    [Fact]
    public async Task A_failing_request_gets_the_Japanese_error_page_without_internals()
    {
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/iken/dai3ji-sogo-keikaku/")).StatusCode);

        // Break the database under the running process: the comment form's query now fails inside the server.
        await using (var connection = new SqliteConnection(site.ConnectionString + ";Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys=OFF; DROP TABLE FeedbackConsultations;";
            await command.ExecuteNonQueryAsync();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/iken/dai3ji-sogo-keikaku/");
        request.Headers.Add("Cookie", "resident-cookie=do-not-echo-me");
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("エラーが発生しました", html);
        Assert.Contains("lang=\"ja\"", html);
        foreach (var leak in new[] { "Exception", "FeedbackConsultations", "do-not-echo-me", ".cs:line", "   at ", site.PublishDirectory, RepositoryPaths.Root })
        {
            Assert.DoesNotContain(leak, html, StringComparison.Ordinal);
        }
    }

    /// <summary>One publish and one running process per test class.</summary>
    public sealed class PublishedSite : IAsyncLifetime
    {
        private readonly string workDirectory = Directory.CreateTempSubdirectory("ueda-published-").FullName;
        private readonly StringBuilder output = new();
        private Process? process;

        public string PublishDirectory => Path.Combine(workDirectory, "publish");

        public string ConnectionString => $"Data Source={Path.Combine(workDirectory, "portal.db")}";

        public Uri BaseAddress { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // The tests' own build of the site is published as is (no second compilation).
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            await RunToEndAsync("dotnet", ["publish", Path.Combine(RepositoryPaths.Root, "site"), "--no-build", "-c", configuration, "-o", PublishDirectory]);

            var port = FreePort();
            BaseAddress = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet", [Path.Combine(PublishDirectory, "UedaPublicGoals.Site.dll")])
            {
                WorkingDirectory = PublishDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            // `Urls` (not ASPNETCORE_URLS): appsettings.json sets Urls, and it outranks the ASPNETCORE_ host variables.
            start.Environment["Urls"] = BaseAddress.ToString();
            start.Environment["Database__ConnectionString"] = ConnectionString;
            start.Environment["Content__SeedPath"] = RepositoryPaths.ContentSeed;
            start.Environment["Search__IndexPath"] = Path.Combine(workDirectory, "search");
            start.Environment["Media__StoragePath"] = Path.Combine(workDirectory, "media");
            start.Environment["Backoffice__AdminEmail"] = PortalFactory.AdminEmail;
            start.Environment["Backoffice__AdminPassword"] = "published build test password 2024";
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("The published site stopped at start:\n" + Output);
                }

                try
                {
                    if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                catch (TaskCanceledException)
                {
                    // still starting
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The published site did not answer within two minutes:\n" + Output);
                }

                await Task.Delay(250);
            }
        }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public async Task DisposeAsync()
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process?.Dispose();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // left for the temp folder's cleanup
            }
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        private static async Task RunToEndAsync(string fileName, string[] arguments)
        {
            var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var run = Process.Start(start)!;
            var stdout = run.StandardOutput.ReadToEndAsync();
            var stderr = run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync();
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed:\n{await stdout}\n{await stderr}");
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using UedaPublicGoals.Tests.Common;

// Growth benchmark (issue 12 part 7): generates content at several sizes in the seed's shape (varied),
// starts the published portal on each, and prints start-up time, RSS, page bytes and req/s, and the time
// of one publish through the editor until the public page, search, API and goals.csv show it.
//
//   dotnet run -c Release --project tests/Benchmarks/GrowthBenchmark -- <published site dir> <repo content-seed> [sizes…]
// Prints figures only; asserts nothing.
var publishedSite = Path.GetFullPath(args[0]);
var seedSource = Path.GetFullPath(args[1]);
var sizes = args.Skip(2).Select(int.Parse).DefaultIfEmpty(4).ToList();
var port = Environment.GetEnvironmentVariable("BENCH_PORT") ?? "5101";
var loadSeconds = double.Parse(Environment.GetEnvironmentVariable("BENCH_LOAD_SECONDS") ?? "5", CultureInfo.InvariantCulture);
var startLimit = TimeSpan.FromMinutes(double.Parse(Environment.GetEnvironmentVariable("BENCH_START_MINUTES") ?? "30", CultureInfo.InvariantCulture));
var results = new List<SizeResult>();
const int IdleSeconds = 15;

// BENCH_PUBLISHES: rounds after the warm-up; enough for the publish path's code to reach its final JIT tier, so
// the memory after them shows whether publishing keeps growing the process or not.
var publishes = int.Parse(Environment.GetEnvironmentVariable("BENCH_PUBLISHES") ?? "100", CultureInfo.InvariantCulture);

foreach (var size in sizes)
{
    var work = Directory.CreateTempSubdirectory($"ueda-growth-{size}-").FullName;
    try
    {
        var seed = SeedGenerator.Write(seedSource, Path.Combine(work, "seed"), size);
        Console.WriteLine($"== {size} goals ({seed.Departments} departments, {seed.Years} fiscal years) ==");
        results.Add(await Run(publishedSite, work, port, loadSeconds, startLimit, publishes, size, seed.LargestYear));
    }
    finally
    {
        Directory.Delete(work, recursive: true);
    }
}

Console.WriteLine();
Console.WriteLine($"| goals | start to first page | RSS start → warm-up, full GC → {publishes} more publishes, full GC | anonymous | shared (JIT code, stubs) | live managed heap warm-up → {publishes} more | index file mappings (deleted) | home bytes | home req/s | largest department bytes | department req/s | largest year bytes | year req/s | goal bytes | goal req/s | publish → page (median of {publishes}) | → search | → API | → goals.csv | publish until all show it | backoffice tree bytes | backoffice tree ms | structure page bytes | structure page ms |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
var baseline = results[0];
foreach (var r in results)
{
    string Ratio(double value, double basis) => ReferenceEquals(r, baseline) || basis <= 0 ? "" : $" ({value / basis:0.0}×)";
    static string Change(double value, double basis) => $"{(value - basis) / basis:+0%;-0%;0%}";
    Console.WriteLine(string.Join(" | ",
        $"| {r.Goals:N0}",
        $"{r.StartSeconds:0.0} s{Ratio(r.StartSeconds, baseline.StartSeconds)}",
        $"{r.AfterStart.RssMb:N0} → {r.AfterWarmUp.Rss.RssMb:N0} → {r.AfterPublishes.Rss.RssMb:N0} MB ({Change(r.AfterPublishes.Rss.RssMb, r.AfterWarmUp.Rss.RssMb)})",
        $"{r.AfterStart.AnonymousMb:N0} → {r.AfterWarmUp.Rss.AnonymousMb:N0} → {r.AfterPublishes.Rss.AnonymousMb:N0} MB",
        $"{r.AfterStart.SharedMb:N0} → {r.AfterWarmUp.Rss.SharedMb:N0} → {r.AfterPublishes.Rss.SharedMb:N0} MB",
        $"{r.AfterWarmUp.LiveHeapMb:N1} → {r.AfterPublishes.LiveHeapMb:N1} MB",
        $"{r.AfterStart.IndexMappings} ({r.AfterStart.DeletedIndexMappings}) → {r.AfterWarmUp.Rss.IndexMappings} ({r.AfterWarmUp.Rss.DeletedIndexMappings}) → {r.AfterPublishes.Rss.IndexMappings} ({r.AfterPublishes.Rss.DeletedIndexMappings})",
        $"{r.Home.Bytes:N0}{Ratio(r.Home.Bytes, baseline.Home.Bytes)}",
        $"{r.Home.RequestsPerSecond:N0}{Ratio(r.Home.RequestsPerSecond, baseline.Home.RequestsPerSecond)}",
        $"{r.Department.Bytes:N0}{Ratio(r.Department.Bytes, baseline.Department.Bytes)}",
        $"{r.Department.RequestsPerSecond:N0}",
        $"{r.Year.Bytes:N0}{Ratio(r.Year.Bytes, baseline.Year.Bytes)}",
        $"{r.Year.RequestsPerSecond:N0}",
        $"{r.Goal.Bytes:N0}",
        $"{r.Goal.RequestsPerSecond:N0}{Ratio(r.Goal.RequestsPerSecond, baseline.Goal.RequestsPerSecond)}",
        $"{r.Publish.PageMs:N0} ms",
        $"{r.Publish.SearchMs:N0} ms",
        $"{r.Publish.ApiMs:N0} ms",
        $"{r.Publish.CsvMs:N0} ms",
        $"{r.Publish.AllMs:N0} ms{Ratio(r.Publish.AllMs, baseline.Publish.AllMs)}",
        $"{r.Tree.Bytes:N0}{Ratio(r.Tree.Bytes, baseline.Tree.Bytes)}",
        $"{r.Tree.MedianMs:0.0} ms{Ratio(r.Tree.MedianMs, baseline.Tree.MedianMs)}",
        $"{r.Structure.Bytes:N0}{Ratio(r.Structure.Bytes, baseline.Structure.Bytes)}",
        $"{r.Structure.MedianMs:0.0} ms{Ratio(r.Structure.MedianMs, baseline.Structure.MedianMs)} |"));
}

static async Task<SizeResult> Run(string publishedSite, string work, string port, double loadSeconds, TimeSpan startLimit, int publishes, int size, string largestYear)
{
    const string adminEmail = "bench@example.jp";
    const string adminPassword = "bench-mark no nagai pasuwado";
    var origin = $"http://127.0.0.1:{port}";
    var start = new ProcessStartInfo("dotnet", Path.Combine(publishedSite, "UedaPublicGoals.Site.dll"))
    {
        WorkingDirectory = publishedSite,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    // Production serves __Host- cookies that need HTTPS; BENCH_ENVIRONMENT=Testing lets the editor sign in over plain http.
    start.Environment["ASPNETCORE_ENVIRONMENT"] = Environment.GetEnvironmentVariable("BENCH_ENVIRONMENT") ?? "Production";
    start.Environment["Urls"] = origin;
    start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(work, "portal.db")}";
    start.Environment["Content__SeedPath"] = Path.Combine(work, "seed");
    start.Environment["Search__IndexPath"] = Path.Combine(work, "search");
    start.Environment["Media__StoragePath"] = Path.Combine(work, "media");
    start.Environment["Backoffice__AdminEmail"] = adminEmail;
    start.Environment["Backoffice__AdminPassword"] = adminPassword;
    start.Environment["Backoffice__TwoFactor__RequiredRoles"] = ""; // the benchmark publishes without enrolling a TOTP app
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Scheduling__Enabled"] = "false";

    // BENCH_PORTAL_X=v sets X=v for the portal, e.g. BENCH_PORTAL_DOTNET_GCConserveMemory=0 to compare GC settings.
    foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
        .Select(e => ((string)e.Key, (string?)e.Value ?? "")).Where(e => e.Item1.StartsWith("BENCH_PORTAL_", StringComparison.Ordinal)))
    {
        start.Environment[name["BENCH_PORTAL_".Length..]] = value;
    }

    var clock = Stopwatch.StartNew();
    using var server = Process.Start(start)!;
    var log = new StringBuilder();
    server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
    server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(origin) };
    try
    {
        while (true)
        {
            if (server.HasExited || clock.Elapsed > startLimit)
            {
                throw new InvalidOperationException($"the portal did not start within {startLimit.TotalMinutes} min (BENCH_START_MINUTES):\n" + log);
            }

            try
            {
                if ((await http.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        var startSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"started in {startSeconds:0.0} s");

        // Search answers 503 until its first index build is done; publishes are timed only after that.
        while ((await http.GetAsync("/search?q=%E5%BA%83%E5%A0%B1")).StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            if (clock.Elapsed > startLimit)
            {
                throw new InvalidOperationException($"search was not ready within {startLimit.TotalMinutes} min (BENCH_START_MINUTES)");
            }

            await Task.Delay(250);
        }

        Console.WriteLine($"search ready {clock.Elapsed.TotalSeconds:0.0} s after launch");
        var afterStart = Measure(server, work, size, "start");
        Console.WriteLine($"after start: {afterStart}; {await GcView.ReadAsync(server)}");

        var goals = JsonNode.Parse(await http.GetStringAsync("/api/v1/departments/seisaku-kikaku/years/2024/goals"))!;
        var goal = GoalsOf(goals).Single(g => (string?)g["slug"] == "koho");
        var goalId = (string)goal["id"]!;
        var goalPath = new Uri((string)goal["url"]!, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : (string)goal["url"]!;

        // The department and year with the most goals: the pages that grew with the site before they were paged.
        var largestDepartment = "/" + largestYear.Split('/')[1] + "/";
        var home = await Load(http, "/", loadSeconds);
        var department = await Load(http, largestDepartment, loadSeconds);
        var year = await Load(http, largestYear, loadSeconds);
        var goalPage = await Load(http, goalPath, loadSeconds);
        Console.WriteLine($"home {home}; department {largestDepartment} {department}; year {largestYear} {year}; goal {goalPage}");

        // One publish to warm the editor path up (JIT), then the median of 20.
        var editor = await Editor.LogInAsync(origin, adminEmail, adminPassword);
        var warmUp = await editor.PublishTitleAsync(http, goalId, goalPath, $"成長計測{size}号の準備の重点目標");
        Console.WriteLine($"after the warm-up publish: {Measure(server, work, size, "warm-up")}; {await GcView.ReadAsync(server)}");
        var afterWarmUp = await AfterFullGc(server, work, size, "warm-up-gc");
        Console.WriteLine($"after the warm-up publish and a full GC: {afterWarmUp}; {await GcView.ReadAsync(server)}");
        var rounds = new List<PublishTimes>();
        for (var round = 1; round <= publishes; round++)
        {
            rounds.Add(await editor.PublishTitleAsync(http, goalId, goalPath, $"成長計測{size}号{round}回目の重点目標"));
            if (round % 25 == 0 && round < publishes)
            {
                Console.WriteLine($"after {round} publishes and a full GC: {await AfterFullGc(server, work, size, $"publish-{round}")}");
            }
        }

        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var median = new PublishTimes(Median(rounds.Select(r => r.PageMs)), Median(rounds.Select(r => r.SearchMs)), Median(rounds.Select(r => r.ApiMs)), Median(rounds.Select(r => r.CsvMs)), Median(rounds.Select(r => r.AllMs)));
        var afterPublishes = Measure(server, work, size, "publishes");
        Console.WriteLine($"warm-up publish: {warmUp}; median of {publishes}: {median}; max all {rounds.Max(r => r.AllMs):N0} ms");
        Console.WriteLine($"after {publishes} more: {afterPublishes}; {await GcView.ReadAsync(server)}");
        var afterGc = await AfterFullGc(server, work, size, "gc");
        Console.WriteLine($"after a full GC: {afterGc}; {await GcView.ReadAsync(server)}");

        // The GC hands surplus free regions back gradually, not within the collection: look again after a quiet spell.
        await Task.Delay(TimeSpan.FromSeconds(IdleSeconds));
        var afterIdle = Measure(server, work, size, "idle");
        Console.WriteLine($"after {IdleSeconds} s idle: {afterIdle}; {await GcView.ReadAsync(server)}");
        var tree = await editor.BackofficePageAsync("/backoffice/");
        Console.WriteLine($"backoffice content tree /backoffice/: {tree.Bytes:N0} bytes, median {tree.MedianMs:0.0} ms of 10");
        var structure = await editor.BackofficePageAsync("/backoffice/structure");
        Console.WriteLine($"backoffice structure page /backoffice/structure: {structure.Bytes:N0} bytes, median {structure.MedianMs:0.0} ms of 10");
        return new SizeResult(size, startSeconds, afterStart, afterWarmUp, afterGc, home, department, year, goalPage, median, tree, structure);
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();

        // BENCH_SERVER_LOG=prefix keeps the portal's log as prefix-<size>.log (with e.g. BENCH_PORTAL_Logging__LogLevel__UedaPublicGoals=Debug).
        if (Environment.GetEnvironmentVariable("BENCH_SERVER_LOG") is { Length: > 0 } logPrefix)
        {
            lock (log)
            {
                File.WriteAllText($"{logPrefix}-{size}.log", log.ToString());
            }
        }
    }
}

// dotnet-gcdump (BENCH_GCDUMP, installed by growth.sh) induces a full blocking GC in the portal and reports the
// live managed heap; the process's memory is read right after that collection, so a level measured here is what
// the portal keeps, not garbage the GC has not come to yet.
static async Task<SettledMemory> AfterFullGc(Process server, string work, int size, string point)
{
    var tool = Environment.GetEnvironmentVariable("BENCH_GCDUMP");
    if (string.IsNullOrEmpty(tool))
    {
        throw new InvalidOperationException("BENCH_GCDUMP must name dotnet-gcdump (tests/Benchmarks/growth.sh installs it)");
    }

    var dump = Path.Combine(Path.GetTempPath(), $"growth-{server.Id}.gcdump");
    using var collect = Process.Start(new ProcessStartInfo(tool, $"collect -p {server.Id} -o {dump}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
    await collect.StandardOutput.ReadToEndAsync();
    await collect.WaitForExitAsync();
    var memory = Measure(server, work, size, point);
    using var report = Process.Start(new ProcessStartInfo(tool, $"report {dump}") { RedirectStandardOutput = true })!;
    var text = await report.StandardOutput.ReadToEndAsync();
    await report.WaitForExitAsync();
    File.Delete(dump);

    // With BENCH_SMAPS the whole report is kept beside the smaps files, to compare two points type by type.
    if (Environment.GetEnvironmentVariable("BENCH_SMAPS") is { Length: > 0 } folder)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, $"{size}-{point}.gcdump.txt"), text);
    }

    // The report's first line: "     90,194,612  GC Heap bytes".
    var heapLine = text.Split('\n').First(line => line.Contains("GC Heap bytes", StringComparison.Ordinal));
    var heapBytes = long.Parse(heapLine.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    return new SettledMemory(memory, heapBytes / (1024.0 * 1024.0));
}

static IEnumerable<JsonNode> GoalsOf(JsonNode answer) =>
    (answer is JsonArray array ? array : answer["goals"]!.AsArray()).OfType<JsonNode>();

// BENCH_SMAPS=folder keeps /proc/PID/smaps at each point (e.g. 1000-start.smaps) to see which mappings grew.
static MemoryPoint Measure(Process server, string work, int size, string point)
{
    var folder = Environment.GetEnvironmentVariable("BENCH_SMAPS");
    if (!string.IsNullOrEmpty(folder))
    {
        Directory.CreateDirectory(folder);
        File.Copy($"/proc/{server.Id}/smaps", Path.Combine(folder, $"{size}-{point}.smaps"), overwrite: true);
    }

    return MemoryPoint.Of(server, Path.Combine(work, "search"), Path.Combine(work, "portal.db"));
}

// Bytes as a browser gets them (Brotli), then as many GETs as 16 connections manage in the time given.
static async Task<PageLoad> Load(HttpClient http, string path, double seconds)
{
    using var probe = new HttpRequestMessage(HttpMethod.Get, path);
    probe.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
    var plainBytes = (await http.GetByteArrayAsync(path)).Length;
    var response = await http.SendAsync(probe);
    var compressedBytes = (await response.Content.ReadAsByteArrayAsync()).Length;
    await Hammer(http, path, 1); // warm-up (JIT, output cache), not counted
    var requests = await Hammer(http, path, seconds);
    return new PageLoad(plainBytes, compressedBytes, requests / seconds);
}

static async Task<int> Hammer(HttpClient http, string path, double seconds)
{
    var until = Stopwatch.StartNew();
    var count = 0;
    var workers = Enumerable.Range(0, 16).Select(async _ =>
    {
        while (until.Elapsed.TotalSeconds < seconds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
            using var answer = await http.SendAsync(request);
            await answer.Content.ReadAsByteArrayAsync();
            Interlocked.Increment(ref count);
        }
    });
    await Task.WhenAll(workers);
    return count;
}

sealed record PageLoad(int Bytes, int BrotliBytes, double RequestsPerSecond)
{
    public override string ToString() => $"{Bytes:N0} B ({BrotliBytes:N0} B br), {RequestsPerSecond:N0} req/s";
}

sealed record PublishTimes(double PageMs, double SearchMs, double ApiMs, double CsvMs, double AllMs)
{
    public override string ToString() => $"page {PageMs:N0} ms, search {SearchMs:N0} ms, API {ApiMs:N0} ms, goals.csv {CsvMs:N0} ms, all {AllMs:N0} ms";
}

/// <summary>The process's memory right after a full blocking GC, and the live managed heap that GC found.</summary>
sealed record SettledMemory(MemoryPoint Rss, double LiveHeapMb)
{
    public override string ToString() => $"{Rss}; live managed heap {LiveHeapMb:N1} MB";
}

sealed record SizeResult(int Goals, double StartSeconds, MemoryPoint AfterStart, SettledMemory AfterWarmUp, SettledMemory AfterPublishes, PageLoad Home, PageLoad Department, PageLoad Year, PageLoad Goal, PublishTimes Publish, TreeLoad Tree, TreeLoad Structure);

/// <summary>A backoffice page of the tree (the dashboard, the structure page) as the signed-in editor gets it (uncompressed).</summary>
sealed record TreeLoad(int Bytes, double MedianMs);

/// <summary>A logged-in backoffice session that publishes through the goal editor's form, as a person does.</summary>
sealed class Editor(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public static async Task<Editor> LogInAsync(string origin, string email, string password)
    {
        var client = new HttpClient(new PlainHttpCookies { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } }) { BaseAddress = new Uri(origin) };
        var token = Parser.ParseDocument(await client.GetStringAsync("/backoffice/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var login = await client.PostAsync("/backoffice/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"login failed: {login.StatusCode}");
        }

        return new Editor(client);
    }

    /// <summary>A page of the tree as it opens by default (/backoffice/, /backoffice/structure): bytes, and the median time of ten GETs.</summary>
    public async Task<TreeLoad> BackofficePageAsync(string path)
    {
        var bytes = 0;
        var times = new List<double>();
        for (var round = 0; round < 10; round++)
        {
            var clock = Stopwatch.StartNew();
            bytes = (await client.GetByteArrayAsync(path)).Length;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new TreeLoad(bytes, times.Order().ElementAt(5));
    }

    /// <summary>Sets the goal's title in the editor, publishes, and times until each public surface shows it.</summary>
    public async Task<PublishTimes> PublishTitleAsync(HttpClient reader, string goalId, string goalPath, string title)
    {
        var editorPath = $"/backoffice/goals/{goalId}";
        var form = SubmittedForm.From((IHtmlFormElement)Parser.ParseDocument(await client.GetStringAsync(editorPath)).QuerySelector("#editor-form")!)
            .With("Title", title);

        var clock = Stopwatch.StartNew();
        var published = await client.PostAsync($"{editorPath}/publish", form.ToContent());
        if (published.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"publish failed: {published.StatusCode}");
        }

        var search = "/search?q=" + Uri.EscapeDataString(title);
        var surfaces = new (string Path, Func<string, bool> Shows)[]
        {
            (goalPath, html => html.Contains(title, StringComparison.Ordinal)),
            // The results page marks the words found (<mark>), so the title is looked for in the text, not the markup.
            (search, html => Regex.Replace(html, "<[^>]*>", "").Contains(title, StringComparison.Ordinal)),
            ($"/api/v1/goals/{goalId}", json => json.Contains(title, StringComparison.Ordinal)),
            ("/opendata/goals.csv", csv => csv.Contains(title, StringComparison.Ordinal)),
        };
        var seen = new double[surfaces.Length];
        var pending = Enumerable.Range(0, surfaces.Length).ToHashSet();
        while (pending.Count > 0)
        {
            foreach (var i in pending.ToList())
            {
                // A 503 (search index still being built after start-up) is "not yet", not a failure.
                using var response = await reader.GetAsync(surfaces[i].Path);
                if (response.IsSuccessStatusCode && surfaces[i].Shows(await response.Content.ReadAsStringAsync()))
                {
                    seen[i] = clock.Elapsed.TotalMilliseconds;
                    pending.Remove(i);
                }
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException("the publish never showed on: " + string.Join(", ", pending.Select(i => surfaces[i].Path)));
            }
        }

        return new PublishTimes(seen[0], seen[1], seen[2], seen[3], seen.Max());
    }
}

/// <summary>
/// Keeps the portal's cookies by name and sends them back. Outside Development the portal marks its cookies
/// Secure, and CookieContainer would not return those to http://127.0.0.1, so the login would lose its antiforgery.
/// </summary>
sealed class PlainHttpCookies : DelegatingHandler
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            cookies[pair[..equals]] = pair[(equals + 1)..];
        }

        return response;
    }
}

/// <summary>
/// The seed's own content plus generated departments: each generated goal is one of the four real sheets with
/// its title, priority and place changed. Years per department (1–3) and goals per year (4, 8, 12, 25) vary.
/// </summary>
static class SeedGenerator
{
    /// <summary>Writes the seed; LargestYear is the path of the fiscal year with the most goals (e.g. /bu-003/r6/).</summary>
    public static (int Departments, int Years, string LargestYear) Write(string source, string target, int goals)
    {
        CopyDirectory(source, target);
        // Every seed goal is read from its sheet now, so the template is the written-out goal kept for the seed tests.
        var writtenOut = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, "tests", "Fixtures", "seed-goal-written-out.json");
        var templates = Directory.GetFiles(Path.Combine(source, "goals"), "*.json", SearchOption.AllDirectories).Append(writtenOut).Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!).Where(g => g["source"] is null).ToList();
        var remaining = goals - Directory.GetFiles(Path.Combine(source, "goals"), "*.json", SearchOption.AllDirectories).Length;
        int[] perYear = [4, 8, 12, 25];
        var (departments, years) = (1, 1);
        var (largestYear, largestCount) = ("/seisaku-kikaku/r6/", templates.Count == 0 ? 0 : 4);
        for (var d = 1; remaining > 0; d++)
        {
            var slug = $"bu-{d:000}";
            var fiscalYears = new JsonArray();
            for (var y = 0; y < 1 + (d % 3) && remaining > 0; y++)
            {
                var count = Math.Min(remaining, perYear[(d + y) % perYear.Length]);
                var yearSlug = $"r{6 - y}";
                var slugs = new JsonArray();
                for (var g = 1; g <= count; g++)
                {
                    var goal = templates[(d + y + g) % templates.Count].DeepClone();
                    goal["department"] = slug;
                    goal["year"] = 2024 - y;
                    goal["slug"] = $"mokuhyo-{g}";
                    goal["content"]!["priority"] = g;
                    goal["content"]!["title"] = $"{(string)goal["content"]!["title"]!}（第{d}部 {2024 - y}年度 {g}）";
                    var file = Path.Combine(target, "goals", slug, yearSlug, $"mokuhyo-{g}.json");
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    File.WriteAllText(file, goal.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                    slugs.Add($"mokuhyo-{g}");
                }

                remaining -= count;
                if (count > largestCount)
                {
                    (largestYear, largestCount) = ($"/{slug}/{yearSlug}/", count);
                }

                years++;
                fiscalYears.Add(new JsonObject { ["year"] = 2024 - y, ["slug"] = yearSlug, ["heading"] = $"令和{6 - y}年度 重点目標", ["goals"] = slugs });
            }

            departments++;
            var department = new JsonObject { ["slug"] = slug, ["name"] = $"第{d}部", ["sortOrder"] = d + 1, ["fiscalYears"] = fiscalYears };
            File.WriteAllText(Path.Combine(target, "departments", $"{slug}.json"), department.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        return (departments, years, largestYear);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using UedaPublicGoals.Tests.Common;

// What one test portal costs the machine (issue 12 part 6): the integration suite starts hundreds of
// PortalFactory portals in one process on 2 cores, so the CPU of one start, of the seconds it keeps the
// process busy afterwards and of its dispose multiply across the suite. Starts portals one after another
// in this process, as a test class would, and prints the process CPU (all threads) of each phase, with the
// idle seconds split by thread name (/proc/self/task), so background work after start shows who does it.
//
//   dotnet run -c Release --project tests/Benchmarks/PortalStartBenchmark -- [starts] [idle seconds]
// Prints figures only; asserts nothing. The machine is shared: compare CPU, not wall time.
var starts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 12;
var idleSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var process = Process.GetCurrentProcess();

TimeSpan Cpu()
{
    process.Refresh();
    return process.TotalProcessorTime;
}

// The first start pays for the database template and the JIT of everything; a test run pays that once.
Console.WriteLine("Warming up (database template, first start)…");
await StartAndDispose(idle: TimeSpan.Zero);
await StartAndDispose(idle: TimeSpan.Zero);

var startCpu = new List<double>();
var startWall = new List<double>();
var disposeCpu = new List<double>();
var idleCpu = new List<double[]>();
var idleByThread = new Dictionary<string, double>(StringComparer.Ordinal);
for (var i = 0; i < starts; i++)
{
    var (start, wall, idle, dispose, threads) = await Measure();
    startCpu.Add(start);
    startWall.Add(wall);
    idleCpu.Add(idle);
    disposeCpu.Add(dispose);
    foreach (var (name, ms) in threads)
    {
        idleByThread[name] = idleByThread.GetValueOrDefault(name) + ms;
    }

    Console.WriteLine(FormattableString.Invariant(
        $"start {i + 1,2}: {start,6:0} ms CPU ({wall,5:0} ms wall); idle per second: {string.Join(" ", idle.Select(ms => $"{ms,4:0}"))} ms; dispose {dispose,4:0} ms"));
}

Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"median of {starts} starts (after 2 warm-up starts), CPU of the whole process:"));
Console.WriteLine(FormattableString.Invariant($"  start (new PortalFactory, CreateClient, GET /): {Median(startCpu):0} ms CPU, {Median(startWall):0} ms wall"));
for (var second = 0; second < idleSeconds; second++)
{
    Console.WriteLine(FormattableString.Invariant($"  idle second {second + 1}: {Median(idleCpu.Select(s => s[second]).ToList()):0} ms CPU"));
}

Console.WriteLine(FormattableString.Invariant($"  idle {idleSeconds} s in all: {Median(idleCpu.Select(s => s.Sum()).ToList()):0} ms CPU"));
Console.WriteLine(FormattableString.Invariant($"  dispose: {Median(disposeCpu):0} ms CPU"));
Console.WriteLine(FormattableString.Invariant($"  start + idle + dispose: {Median(startCpu) + Median(idleCpu.Select(s => s.Sum()).ToList()) + Median(disposeCpu):0} ms CPU"));
Console.WriteLine("idle CPU by thread name, mean per start:");
foreach (var (name, ms) in idleByThread.OrderByDescending(t => t.Value).Take(10))
{
    Console.WriteLine(FormattableString.Invariant($"  {name,-24} {ms / starts,6:0.0} ms"));
}

async Task<(double Start, double Wall, double[] Idle, double Dispose, Dictionary<string, double> Threads)> Measure()
{
    var before = Cpu();
    var clock = Stopwatch.StartNew();
    var portal = new PortalFactory();
    using (var client = portal.CreateClient())
    {
        (await client.GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    var start = (Cpu() - before).TotalMilliseconds;
    var wall = clock.Elapsed.TotalMilliseconds;
    var idle = new double[idleSeconds];
    var threadsBefore = ThreadCpu();
    for (var second = 0; second < idleSeconds; second++)
    {
        var mark = Cpu();
        await Task.Delay(TimeSpan.FromSeconds(1));
        idle[second] = (Cpu() - mark).TotalMilliseconds;
    }

    var threads = Difference(ThreadCpu(), threadsBefore);
    var beforeDispose = Cpu();
    await portal.DisposeAsync();
    return (start, wall, idle, (Cpu() - beforeDispose).TotalMilliseconds, threads);
}

async Task StartAndDispose(TimeSpan idle)
{
    await using var portal = new PortalFactory();
    using var client = portal.CreateClient();
    (await client.GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();
    await Task.Delay(idle);
}

static double Median(IReadOnlyList<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

// utime + stime of each live thread, in ms, by thread id with its name (threads come and go; names group them).
static Dictionary<string, (string Name, double Ms)> ThreadCpu()
{
    const double MsPerTick = 1000.0 / 100; // USER_HZ is 100 on Linux
    var result = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
    foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            result[Path.GetFileName(task)] = (name, ticks * MsPerTick);
        }
        catch (IOException)
        {
            // The thread ended while being read.
        }
    }

    return result;
}

static Dictionary<string, double> Difference(Dictionary<string, (string Name, double Ms)> after, Dictionary<string, (string Name, double Ms)> before)
{
    var byName = new Dictionary<string, double>(StringComparer.Ordinal);
    foreach (var (id, (name, ms)) in after)
    {
        var earlier = before.TryGetValue(id, out var b) ? b.Ms : 0;
        byName[name] = byName.GetValueOrDefault(name) + ms - earlier;
    }

    return byName;
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using UedaPublicGoals.Benchmarks.Search;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Search.Querying;

// Search benchmark: builds an index of synthetic goal-sheet documents (vocabulary from the
// content seed, fixed random seed) with the site's own analyzer, index and query code, then
// prints build time, query latency percentiles, index size and process memory.
//
//   dotnet run -c Release --project tests/Benchmarks/SearchBenchmark [-- --documents 10000 --rounds 50]

var documentCount = IntOption("--documents", 10_000);
var rounds = IntOption("--rounds", 50);
const int RandomSeed = 20240401;

var repository = FindRepositoryRoot();
var vocabulary = SeedVocabulary.Read(Path.Combine(repository, "content-seed"));
var generator = new GoalSheetGenerator(vocabulary, new Random(RandomSeed));
var items = generator.Generate(documentCount);

var folder = Directory.CreateTempSubdirectory("ueda-search-bench-").FullName;
try
{
    Console.WriteLine("UedaPublicGoals search benchmark");
    Console.WriteLine($"  machine        {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");

    // Figures from a busy machine are not comparable with a quiet one: print how busy it was.
    if (File.Exists("/proc/loadavg"))
    {
        Console.WriteLine($"  load average   {File.ReadAllText("/proc/loadavg").Trim()} (at start)");
    }

    Console.WriteLine($"  vocabulary     {vocabulary.Phrases.Count:N0} phrases from {vocabulary.SourceFiles} seed files (random seed {RandomSeed})");
    Console.WriteLine($"  corpus         {items.Sum(i => i.Documents.Count):N0} documents in {items.Count:N0} goal sheets, {items.Sum(i => i.Documents.Sum(d => d.Title.Length + d.Body.Length)) / 1_000_000.0:F1} M characters");

    using var index = new SearchIndex(folder, SearchIndexKind.External, NullLogger.Instance);
    GC.Collect();
    var build = Stopwatch.StartNew();
    index.Open();
    index.ReplaceAll(items);
    index.CommitAndRefresh();
    build.Stop();
    Console.WriteLine($"  index build    {build.Elapsed.TotalSeconds:F2} s ({index.DocumentCount / build.Elapsed.TotalSeconds:N0} documents/s, one commit)");
    Console.WriteLine($"  index size     {DirectorySize(folder) / 1024.0 / 1024.0:F1} MiB on disk ({Directory.GetFiles(folder).Length} files)");

    // The whole query path a resident's search takes: analysis, Lucene, stored fields, marks and snippets.
    SearchResultPage Run(string query) => SearchExecutor.Run(index, new SearchCriteria(SearchTerms.Parse(query), Take: 10));

    string[] queries =
    [
        "学園都市", "スマートシティ", "ＤＸ", "dx", "長野大学", "LINE", "情報発信", "土地利用", "SDGs", "総合計画",
        "市民 アンケート", "合併20周年", "オープンデータ", "市", "ｽﾏｰﾄｼﾃｨ", "推進 計画 連携", "DX人材", "若者", "公共施設", "存在しない言葉",
    ];

    // Warm-up: JIT, Lucene's per-segment caches, the doc-values used for sorting.
    var totals = queries.ToDictionary(q => q, q => Run(q).Total);
    for (var i = 0; i < 5; i++)
    {
        foreach (var query in queries)
        {
            Run(query);
        }
    }

    var latencies = new List<double>(rounds * queries.Length);
    var perQuery = queries.ToDictionary(q => q, _ => new List<double>());
    for (var round = 0; round < rounds; round++)
    {
        foreach (var query in queries)
        {
            var watch = Stopwatch.StartNew();
            Run(query);
            watch.Stop();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            perQuery[query].Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    latencies.Sort();
    Console.WriteLine($"  queries        {queries.Length} queries x {rounds} rounds = {latencies.Count:N0} searches (top 10 with title marks and snippets)");
    Console.WriteLine($"  latency        p50 {Percentile(latencies, 50):F2} ms   p95 {Percentile(latencies, 95):F2} ms   p99 {Percentile(latencies, 99):F2} ms   max {latencies[^1]:F2} ms   mean {latencies.Average():F2} ms");
    foreach (var query in queries)
    {
        var sorted = perQuery[query].Order().ToList();
        Console.WriteLine($"    {query,-16} {totals[query],6:N0} hits   p50 {Percentile(sorted, 50),6:F2} ms   p99 {Percentile(sorted, 99),6:F2} ms");
    }

    // Near-real-time publish: replace one goal sheet, commit, refresh the reader.
    var updates = new List<double>();
    for (var i = 0; i < 20; i++)
    {
        var item = items[i * 37 % items.Count];
        var watch = Stopwatch.StartNew();
        index.ReplaceItem(item.Key, item with { Stamp = $"update-{i}" });
        index.CommitAndRefresh();
        watch.Stop();
        updates.Add(watch.Elapsed.TotalMilliseconds);
    }

    updates.Sort();
    Console.WriteLine($"  publish        one goal sheet replaced + commit + reader refresh: p50 {Percentile(updates, 50):F1} ms, max {updates[^1]:F1} ms (20 updates)");

    using var process = Process.GetCurrentProcess();
    process.Refresh();
    Console.WriteLine($"  memory         working set {process.WorkingSet64 / 1024.0 / 1024.0:F0} MiB, peak {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:F0} MiB after full GC");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static double Percentile(List<double> sorted, int percentile) =>
    sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static long DirectorySize(string folder) => Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);

int IntOption(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UedaPublicGoals.sln")))
            {
                return directory.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run from inside the repository: UedaPublicGoals.sln not found.");
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// The portal's resident memory at one moment, split the way the kernel counts it (/proc/PID/status):
/// anonymous (GC heap, native allocations, thread stacks), file-backed (mapped assemblies, the search
/// index's mapped segment files) and shared (the runtime's double-mapped executable memory: JIT code,
/// stubs). Also the number of mappings of the search index's files, and of those whose file was deleted
/// (a reader of an old commit that was never closed keeps its segments mapped after merges delete them),
/// and the open SQLite connections (each holds its own page cache, outside the GC heap).
/// </summary>
sealed record MemoryPoint(double RssMb, double AnonymousMb, double FileMb, double SharedMb, int IndexMappings, int DeletedIndexMappings, int DatabaseConnections)
{
    public static MemoryPoint Of(Process process, string indexPath, string databasePath)
    {
        double Kb(string field) => File.ReadLines($"/proc/{process.Id}/status")
            .Where(line => line.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0)
            .DefaultIfEmpty(double.NaN).First();

        var indexMaps = File.ReadLines($"/proc/{process.Id}/maps").Where(line => line.Contains(indexPath, StringComparison.Ordinal)).ToList();
        var connections = new DirectoryInfo($"/proc/{process.Id}/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget == databasePath);
        return new MemoryPoint(Kb("VmRSS"), Kb("RssAnon"), Kb("RssFile"), Kb("RssShmem"), indexMaps.Count, indexMaps.Count(line => line.EndsWith("(deleted)", StringComparison.Ordinal)), connections);
    }

    public override string ToString() =>
        $"RSS {RssMb:N0} MB (anonymous {AnonymousMb:N0}, file-backed {FileMb:N0}, shared {SharedMb:N0}); {IndexMappings} mappings of index files, {DeletedIndexMappings} of deleted ones; {DatabaseConnections} SQLite connections open";
}

/// <summary>
/// The GC's own view of the portal from dotnet-counters (BENCH_COUNTERS=path, e.g. from
/// `dotnet tool install dotnet-counters --tool-path …`): the heap after the last collection and what the
/// GC keeps committed for it. Committed far above the heap is memory the GC holds, not the portal.
/// </summary>
sealed record GcView(double HeapMb, double CommittedMb, double FragmentationMb)
{
    public static async Task<GcView?> ReadAsync(Process server)
    {
        var tool = Environment.GetEnvironmentVariable("BENCH_COUNTERS");
        if (string.IsNullOrEmpty(tool))
        {
            return null;
        }

        var output = Path.Combine(Path.GetTempPath(), $"growth-{server.Id}-counters.json");
        using var collect = Process.Start(new ProcessStartInfo(tool, $"collect -p {server.Id} --counters System.Runtime --duration 00:00:00:03 --format json -o {output}")
        {
            RedirectStandardOutput = true,
        })!;
        await collect.StandardOutput.ReadToEndAsync();
        await collect.WaitForExitAsync();
        if (!File.Exists(output))
        {
            return null;
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        File.Delete(output);

        // The last value of each (counter, generation) pair; heap and fragmentation are summed over generations.
        var last = new Dictionary<(string Name, string Tags), double>();
        foreach (var counter in document.RootElement.GetProperty("Events").EnumerateArray())
        {
            last[(counter.GetProperty("name").GetString()!, counter.GetProperty("tags").GetString()!)] = counter.GetProperty("value").GetDouble();
        }

        double Sum(string prefix) => last.Where(p => p.Key.Name.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.Value) / (1024.0 * 1024.0);
        return new GcView(Sum("dotnet.gc.last_collection.heap.size"), Sum("dotnet.gc.last_collection.memory.committed_size"), Sum("dotnet.gc.last_collection.heap.fragmentation.size"));
    }

    public override string ToString() => $"GC heap {HeapMb:N0} MB, committed {CommittedMb:N0} MB, fragmentation {FragmentationMb:N0} MB";
}

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using UedaPublicGoals.Api;
using UedaPublicGoals.Api.Payloads;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.OpenData;

/// <summary>
/// A generated download, made once and served many times: the pieces it is made of (each goal's fragment,
/// shared with the previous snapshot's file while the goal is unchanged), written out one after another.
/// </summary>
public sealed class OpenDataFile(string fileName, string contentType, IReadOnlyList<ReadOnlyMemory<byte>> pieces, EntityTagHeaderValue etag)
{
    public string FileName { get; } = fileName;

    public string ContentType { get; } = contentType;

    public IReadOnlyList<ReadOnlyMemory<byte>> Pieces { get; } = pieces;

    public long Length { get; } = pieces.Sum(piece => (long)piece.Length);

    /// <summary>Changes with the bytes: a hash over the hashes of the pieces, not over a copy of the whole file.</summary>
    public EntityTagHeaderValue ETag { get; } = etag;
}

/// <summary>goals.csv and goals.json for one published snapshot.</summary>
public sealed record OpenDataSnapshot(PublishedSite Source, OpenDataFile GoalsCsv, OpenDataFile GoalsJson, int GoalCount, int CsvRowCount)
{
    /// <summary>When the published content these files hold was read (the read model's build time).</summary>
    public DateTime GeneratedUtc => Source.BuiltUtc;
}

/// <summary>goals.json: every published goal in the API's shape, with the terms of use.</summary>
public sealed record GoalsJsonPayload(string Title, LicencePayload Licence, DateTime GeneratedAt, IReadOnlyList<GoalPayload> Goals);

public sealed record LicencePayload(string Name, string Url, string Attribution, string AttributionWhenEdited);

/// <summary>
/// Holds the open-data files for the current published snapshot. They are built in the background after start
/// (<see cref="OpenDataWarmUp"/>) and when something is published (Content/Publishing/Handlers/RegenerateOpenData),
/// never per request. Whoever finds the files older than the read model's snapshot builds them once, under a
/// lock, from the snapshot of that moment, and every later caller reuses them.
/// </summary>
public sealed class OpenDataFiles(PublishedContentCache cache, IOptions<SiteOptions> site, ILogger<OpenDataFiles> logger)
{
    private static readonly ReadOnlyMemory<byte> FirstGoal = "\n"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> NextGoal = ",\n"u8.ToArray();

    private readonly Lock gate = new();

    // Keyed by the parsed content, which the read model keeps while the published version stays the same:
    // a new version drops the old entry with the old content, so memory follows the site, not the publishes.
    private readonly ConditionalWeakTable<GoalContent, GoalFragment> fragments = new();

    // Keyed by the read model's department object, which a publish elsewhere carries over unchanged: the
    // department's part of both files is then taken as it is, without looking at its goals.
    private readonly ConditionalWeakTable<PublishedDepartment, DepartmentPart> departmentParts = new();
    private volatile OpenDataSnapshot? current;

    /// <summary>The files made last, without building any: lets tests see that a publish, not a request, made them.</summary>
    internal OpenDataSnapshot? LastGenerated => current;

    public OpenDataSnapshot Current
    {
        get
        {
            var published = cache.Current;
            var snapshot = current;
            if (snapshot is not null && ReferenceEquals(snapshot.Source, published))
            {
                return snapshot;
            }

            lock (gate)
            {
                published = cache.Current;
                snapshot = current;
                if (snapshot is null || !ReferenceEquals(snapshot.Source, published))
                {
                    snapshot = Build(published);
                    current = snapshot;
                }

                return snapshot;
            }
        }
    }

    private OpenDataSnapshot Build(PublishedSite published)
    {
        // Files outlive any one request, so links use the configured public origin. Without
        // one (Site:PublicBaseUrl unset) they stay root-relative rather than naming whichever
        // host happened to ask first.
        var origin = site.Value.PublicBaseUrl?.TrimEnd('/') ?? "";
        var written = 0;
        var parts = published.Departments.Select(department =>
        {
            if (departmentParts.TryGetValue(department, out var part) && part.Origin == origin)
            {
                return part;
            }

            part = DepartmentPart.Of(origin, department.Years.SelectMany(y => y.Goals).Select(goal => FragmentOf(goal, origin, ref written)).ToList());
            departmentParts.AddOrUpdate(department, part);
            return part;
        }).ToList();

        var goals = parts.SelectMany(p => p.Goals).ToList();
        var rowCount = goals.Sum(g => g.CsvRowCount);
        var csv = new OpenDataFile(
            "goals.csv",
            "text/csv; charset=utf-8; header=present",
            goals.Select(g => (ReadOnlyMemory<byte>)g.CsvRows).Prepend(GoalsCsv.Head).ToList(),
            CacheableContentResult.ETagForHash(HashOf(parts.Select(p => p.CsvHash))));
        var json = GoalsJson(published, parts, goals);
        logger.LogInformation("Open data generated: {Goals} goals ({Written} written anew), {Rows} CSV rows.", goals.Count, written, rowCount);
        return new OpenDataSnapshot(published, csv, json, goals.Count, rowCount);
    }

    private GoalFragment FragmentOf(PublishedGoal goal, string origin, ref int written)
    {
        var context = FragmentContext(goal, origin);
        if (fragments.TryGetValue(goal.Content, out var cached) && cached.Context == context)
        {
            return cached;
        }

        written++;
        var (rows, rowCount) = GoalsCsv.WriteRows(goal, origin);
        var fragment = new GoalFragment(context, rows, rowCount, IndentedForGoalsList(ApiJson.SerializeToUtf8(new PayloadMapper(origin).Goal(goal), indented: true)));
        fragments.AddOrUpdate(goal.Content, fragment);
        return fragment;
    }

    /// <summary>
    /// goals.json with the goals spliced in from their own fragments: the envelope is serialized with an
    /// empty list, and the fragments (already indented for their place, see <see cref="IndentedForGoalsList"/>)
    /// are put in between, so a publish lists the bytes of unchanged goals instead of serializing them.
    /// </summary>
    private static OpenDataFile GoalsJson(PublishedSite published, IReadOnlyList<DepartmentPart> parts, IReadOnlyList<GoalFragment> goals)
    {
        var envelope = ApiJson.SerializeToUtf8(
            new GoalsJsonPayload(
                "上田市 重点目標（公開中のすべての重点目標）",
                new LicencePayload(OpenDataLicence.Name, OpenDataLicence.Url, OpenDataLicence.Attribution, OpenDataLicence.AttributionWhenEdited),
                DateTime.SpecifyKind(published.BuiltUtc, DateTimeKind.Utc),
                []),
            indented: true);
        var emptyList = "\"goals\": []"u8;
        var at = envelope.AsSpan().LastIndexOf(emptyList);
        var pieces = new List<ReadOnlyMemory<byte>>(2 * goals.Count + 3)
        {
            envelope.AsMemory(0, at),
            "\"goals\": ["u8.ToArray(),
        };
        for (var i = 0; i < goals.Count; i++)
        {
            pieces.Add(i == 0 ? FirstGoal : NextGoal);
            pieces.Add(goals[i].Json);
        }

        pieces.Add(goals.Count == 0 ? "]"u8.ToArray() : "\n  ]"u8.ToArray());
        pieces.Add(envelope.AsMemory(at + emptyList.Length));

        // The envelope (with its generation time) and the goals' parts: the separators follow from the count.
        var etag = HashOf(parts.Select(p => p.JsonHash).Prepend(SHA256.HashData(envelope)));
        return new OpenDataFile("goals.json", ApiJson.ContentType, pieces, CacheableContentResult.ETagForHash(etag));
    }

    private static byte[] HashOf(IEnumerable<byte[]> hashes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in hashes)
        {
            hash.AppendData(part);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>
    /// A goal's indented JSON moved two levels in, as an element of the "goals" list. JSON strings hold no raw
    /// line breaks, so every line break in it is between tokens.
    /// </summary>
    private static byte[] IndentedForGoalsList(byte[] goalJson) =>
        Encoding.UTF8.GetBytes("    " + Encoding.UTF8.GetString(goalJson).Replace("\n", "\n    ", StringComparison.Ordinal));

    /// <summary>Everything besides the goal's content that its rows and JSON show; a change in any of it rewrites them.</summary>
    private static string FragmentContext(PublishedGoal goal, string origin) =>
        string.Join('\n', origin, goal.Url, goal.DocumentId, goal.Version, goal.PublishedUtc.Ticks, goal.Department.Name, goal.Year.Year, goal.Year.Heading);

    /// <summary>One goal's CSV rows and JSON, for one version of its content in one place on the site.</summary>
    private sealed record GoalFragment(string Context, byte[] CsvRows, int CsvRowCount, byte[] Json);

    /// <summary>A department's goals' fragments in order, with one hash of their CSV rows and one of their JSON.</summary>
    private sealed record DepartmentPart(string Origin, IReadOnlyList<GoalFragment> Goals, byte[] CsvHash, byte[] JsonHash)
    {
        public static DepartmentPart Of(string origin, IReadOnlyList<GoalFragment> goals) =>
            new(origin, goals, HashOf(goals.Select(g => SHA256.HashData(g.CsvRows))), HashOf(goals.Select(g => SHA256.HashData(g.Json))));
    }
}

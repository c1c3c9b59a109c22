using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using UedaPublicGoals.Api;
using UedaPublicGoals.Api.Payloads;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.OpenData;

/// <summary>A generated download: its bytes and their ETag, made once and served many times.</summary>
public sealed record OpenDataFile(string FileName, string ContentType, ByteSegments Content)
{
    public EntityTagHeaderValue ETag { get; } = CacheableContentResult.ETagFor(Content);
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
/// Holds the open-data files for the current published snapshot. They are generated when
/// something is published (Content/Publishing/Handlers/RegenerateOpenData), never per request. The
/// read model is also built at start-up and could in future be rebuilt by another node's
/// publish, without a notification here; so a request that finds the files older than the
/// snapshot builds them once, under a lock, and every later request reuses them.
/// </summary>
public sealed class OpenDataFiles(PublishedContentCache cache, IOptions<SiteOptions> site, ILogger<OpenDataFiles> logger)
{
    private static readonly byte[] ListOpening = "\"goals\": ["u8.ToArray();
    private static readonly byte[] LineBreak = "\n"u8.ToArray();
    private static readonly byte[] CommaLineBreak = ",\n"u8.ToArray();
    private static readonly byte[] EmptyListClosing = "]"u8.ToArray();
    private static readonly byte[] ListClosing = "\n  ]"u8.ToArray();

    private readonly Lock gate = new();

    // Keyed by the parsed content, which the read model keeps while the published version stays the same:
    // a new version drops the old entry with the old content, so memory follows the site, not the publishes.
    private readonly ConditionalWeakTable<GoalContent, GoalFragment> fragments = new();
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
        var goals = published.Departments.SelectMany(d => d.Years).SelectMany(y => y.Goals).ToList();
        var mapper = new PayloadMapper(origin);
        var written = 0;
        var parts = goals.Select(goal =>
        {
            var context = FragmentContext(goal, origin);
            if (fragments.TryGetValue(goal.Content, out var cached) && cached.Context == context)
            {
                return cached;
            }

            written++;
            var (rows, rowCount) = GoalsCsv.WriteRows(goal, origin);
            var fragment = new GoalFragment(context, rows, rowCount, IndentedForGoalsList(ApiJson.SerializeToUtf8(mapper.Goal(goal), indented: true)));
            fragments.AddOrUpdate(goal.Content, fragment);
            return fragment;
        }).ToList();

        var csv = GoalsCsv.Assemble(parts.Select(p => p.CsvRows));
        var rowCount = parts.Sum(p => p.CsvRowCount);
        var json = GoalsJson(published, parts.Select(p => p.Json).ToList());
        logger.LogInformation("Open data generated: {Goals} goals ({Written} written anew), {Rows} CSV rows.", goals.Count, written, rowCount);
        return new OpenDataSnapshot(
            published,
            new OpenDataFile("goals.csv", "text/csv; charset=utf-8; header=present", csv),
            new OpenDataFile("goals.json", ApiJson.ContentType, json),
            goals.Count,
            rowCount);
    }

    /// <summary>
    /// goals.json with the goals spliced in from their own fragments: the envelope is serialized with an
    /// empty list, and the fragments (already indented for their place, see <see cref="IndentedForGoalsList"/>)
    /// are placed in between, so a publish neither serializes nor copies the bytes of unchanged goals.
    /// </summary>
    private static ByteSegments GoalsJson(PublishedSite published, IReadOnlyList<byte[]> goalFragments)
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
        var pieces = new List<ReadOnlyMemory<byte>>(2 * goalFragments.Count + 4) { envelope.AsMemory(0, at), ListOpening };
        for (var i = 0; i < goalFragments.Count; i++)
        {
            pieces.Add(i == 0 ? LineBreak : CommaLineBreak);
            pieces.Add(goalFragments[i]);
        }

        pieces.Add(goalFragments.Count == 0 ? EmptyListClosing : ListClosing);
        pieces.Add(envelope.AsMemory(at + emptyList.Length));
        return new ByteSegments(pieces);
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
}

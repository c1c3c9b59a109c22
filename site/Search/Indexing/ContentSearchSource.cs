using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Kernel.Markdown;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Search.Indexing;

/// <summary>
/// Goals (with their 取組項目 and progress reports) and pages from the content store: the
/// published version for the external index, the newest draft for the internal one.
/// Reads the database, not the in-memory read model, because the read model holds no drafts.
/// </summary>
public sealed class ContentSearchSource(IServiceScopeFactory scopes, MarkdownRenderer markdown, ILogger<ContentSearchSource> logger) : ISearchDocumentSource
{
    public const string Prefix = "content:";

    public string KeyPrefix => Prefix;

    public static string KeyFor(Guid documentId) => $"{Prefix}{documentId:N}";

    public async Task<IReadOnlyDictionary<string, string>> ReadStampsAsync(SearchIndexKind kind, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var years = await LoadYearsAsync(db, ct);
        var query = db.Documents.AsNoTracking();
        if (kind == SearchIndexKind.External)
        {
            query = query.Where(d => d.PublishedVersion != null);
        }

        var rows = await query.ToListAsync(ct);
        var stamps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (Place(row, years) is { } place)
            {
                stamps[KeyFor(row.Id)] = Stamp(kind, row, place);
            }
        }

        return stamps;
    }

    public async Task<IReadOnlyList<SearchSourceItem>> ReadAllAsync(SearchIndexKind kind, CancellationToken ct) =>
        await LoadAsync(kind, only: null, ct);

    public async Task<SearchSourceItem?> ReadAsync(SearchIndexKind kind, string key, CancellationToken ct)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || !Guid.TryParseExact(key[Prefix.Length..], "N", out var id))
        {
            return null;
        }

        return (await LoadAsync(kind, id, ct)).SingleOrDefault();
    }

    private async Task<List<SearchSourceItem>> LoadAsync(SearchIndexKind kind, Guid? only, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var years = await LoadYearsAsync(db, ct);
        var documents = db.Documents.AsNoTracking().Where(d => only == null || d.Id == only);

        // The external index reads the published version, the internal one the newest draft.
        var rows = kind == SearchIndexKind.External
            ? await (from d in documents
                     where d.PublishedVersion != null
                     join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.PublishedVersion!.Value } equals new { v.DocumentId, v.Number }
                     select new { Document = d, v.Json, v.CreatedUtc }).ToListAsync(ct)
            : await (from d in documents
                     join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
                     select new { Document = d, v.Json, v.CreatedUtc }).ToListAsync(ct);

        var items = new List<SearchSourceItem>(rows.Count);
        foreach (var row in rows)
        {
            if (Place(row.Document, years) is not { } place)
            {
                continue;
            }

            try
            {
                var context = new DocumentContext(row.Document, place, kind, kind == SearchIndexKind.External ? row.Document.PublishedUtc : row.CreatedUtc);
                var documentsOfItem = row.Document.Kind == DocumentKind.Goal
                    ? GoalDocuments(context, ContentJson.Deserialize<GoalContent>(row.Json))
                    : PageDocuments(context, ContentJson.Deserialize<PageContent>(row.Json));
                items.Add(new SearchSourceItem(KeyFor(row.Document.Id), Stamp(kind, row.Document, place), documentsOfItem));
            }
            catch (Newtonsoft.Json.JsonException ex)
            {
                // One unreadable version must not stop the whole index from being built.
                logger.LogWarning(ex, "Search: skipped document {DocumentId}: its version JSON could not be read.", row.Document.Id);
            }
        }

        return items;
    }

    private List<SearchDocument> GoalDocuments(DocumentContext context, GoalContent goal)
    {
        var year = context.Place.Year!;
        var goalUrl = $"/{year.DepartmentSlug}/{year.YearSlug}/{context.Document.Slug}/";
        var yearLabel = JapaneseFiscalYear.Label(year.Year);
        var order = goal.Priority * 1000;
        var documents = new List<SearchDocument>
        {
            context.Create(
                id: "goal",
                type: SearchResultTypes.Goal,
                title: goal.Title,
                body: JoinText(
                    Plain(goal.PurposeAndEffect),
                    Plain(goal.CurrentSituation),
                    Plain(goal.ComprehensivePlanPosition),
                    Plain(goal.RestructuringPlanPosition),
                    Plain(goal.AdministrativeReformPosition),
                    Plain(goal.SpecialNotes.CitizenParticipation),
                    Plain(goal.SpecialNotes.EffectsAndRemainingIssues),
                    goal.SdgGoals.Count == 0 ? null : "SDGs " + string.Join("・", goal.SdgGoals.Order().Select(n => $"目標{n}"))),
                url: goalUrl,
                label: $"重点目標（優先順位 {goal.Priority}位）",
                breadcrumb: [year.DepartmentName, yearLabel],
                order: order),
        };

        foreach (var initiative in goal.Initiatives)
        {
            var anchor = $"initiative-{initiative.Number}";
            var number = Numbering.Circled(initiative.Number);
            documents.Add(context.Create(
                id: anchor,
                type: SearchResultTypes.Initiative,
                title: initiative.Title,
                body: JoinText([initiative.Period, .. initiative.Measures.Select(MeasureText)]),
                url: goalUrl + "#" + anchor,
                label: $"取組項目 {number}",
                breadcrumb: [year.DepartmentName, yearLabel, goal.Title],
                order: order + initiative.Number * 10));

            foreach (var (report, kind, name, offset) in new[] { (initiative.MidtermReport, "midterm", "中間報告", 1), (initiative.FinalReport, "final", "期末報告", 2) })
            {
                if (report is null)
                {
                    continue;
                }

                var reportedOn = report.ReportedOn is { } date ? $"（{TokyoTime.LongDate(date)}）" : "";
                documents.Add(context.Create(
                    id: $"{anchor}-{kind}",
                    type: SearchResultTypes.Report,
                    title: $"{initiative.Title}（{name}）",
                    body: JoinText($"{report.Status.ToJapanese()}{reportedOn}", Plain(report.Text)),
                    url: $"{goalUrl}#{anchor}-{kind}",
                    label: $"{name} {number}",
                    breadcrumb: [year.DepartmentName, yearLabel, goal.Title, $"{number} {initiative.Title}"],
                    order: order + initiative.Number * 10 + offset));
            }
        }

        return documents;
    }

    private List<SearchDocument> PageDocuments(DocumentContext context, PageContent page) =>
    [
        context.Create(
            id: "page",
            type: SearchResultTypes.Page,
            title: page.Title,
            body: JoinText(page.Summary, Plain(page.Body)),
            url: $"/pages/{context.Document.Slug}",
            label: "ページ",
            breadcrumb: ["ホーム"],
            order: 1_000_000 + context.Document.SortOrder),
    ];

    private string MeasureText(Measure measure) =>
        $"({measure.Number}) " + string.Join(" ", new[] { measure.Method, measure.Period, Plain(measure.Target) }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private string? Plain(string? markdownText) => string.IsNullOrWhiteSpace(markdownText) ? null : markdown.ToPlainText(markdownText);

    /// <summary>Sections on their own lines; snippets show line breaks as spaces.</summary>
    private static string JoinText(params string?[] parts) =>
        string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>
    /// Whatever changes the item's documents: the version, the URL and the department and
    /// year names in breadcrumbs. The external stamp has the publish time (shown as 更新日);
    /// the internal one both pointers, because the draft's state depends on them.
    /// </summary>
    private static string Stamp(SearchIndexKind kind, ContentDocument document, DocumentPlace place)
    {
        var version = kind == SearchIndexKind.External
            ? $"p{document.PublishedVersion}@{document.PublishedUtc?.Ticks}"
            : $"d{document.DraftVersion}/p{document.PublishedVersion}";
        return $"{version}|{document.Slug}|{document.SortOrder}|{place.Key}";
    }

    private static DocumentPlace? Place(ContentDocument document, IReadOnlyDictionary<int, YearPlace> years) =>
        document.Kind switch
        {
            DocumentKind.Page => new DocumentPlace(null),
            DocumentKind.Goal when document.FiscalYearId is { } id && years.TryGetValue(id, out var year) => new DocumentPlace(year),
            _ => null,
        };

    private static async Task<Dictionary<int, YearPlace>> LoadYearsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.FiscalYears.AsNoTracking()
            .Select(y => new YearPlace(y.Id, y.Department!.Slug, y.Department.Name, y.Year, y.Slug))
            .ToDictionaryAsync(y => y.FiscalYearId, ct);

    private sealed record YearPlace(int FiscalYearId, string DepartmentSlug, string DepartmentName, int Year, string YearSlug);

    private sealed record DocumentPlace(YearPlace? Year)
    {
        public string Key => Year is null ? "page" : $"{Year.DepartmentSlug}|{Year.DepartmentName}|{Year.Year}|{Year.YearSlug}";
    }

    private sealed record DocumentContext(ContentDocument Document, DocumentPlace Place, SearchIndexKind Kind, DateTime? UpdatedUtc)
    {
        public SearchDocument Create(string id, string type, string title, string body, string url, string label, IReadOnlyList<string> breadcrumb, int order) => new()
        {
            Id = $"{KeyFor(Document.Id)}#{id}",
            Type = type,
            Title = title,
            Body = body,
            Url = url,
            Label = label,
            Breadcrumb = breadcrumb,
            Department = Place.Year?.DepartmentSlug,
            Year = Place.Year?.Year,
            Order = order,
            UpdatedUtc = UpdatedUtc,
            DocumentId = Document.Id,
            State = Kind == SearchIndexKind.External ? null : DraftStates.Of(Document.PublishedVersion, Document.DraftVersion),
        };
    }
}

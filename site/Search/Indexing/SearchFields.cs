using UedaPublicGoals.Content.Model;
using Lucene.Net.Documents;

namespace UedaPublicGoals.Search.Indexing;

/// <summary>Lucene field names and the mapping between <see cref="SearchDocument"/> and Lucene documents.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Item = "item";
    public const string Stamp = "stamp";
    public const string ItemMarker = "itemMarker";
    public const string Type = "type";
    public const string Title = "title";
    public const string Body = "body";
    public const string Url = "url";
    public const string Label = "label";
    public const string Breadcrumb = "breadcrumb";
    public const string Department = "department";
    public const string Year = "year";
    public const string Order = "order";
    public const string Updated = "updated";
    public const string DocumentId = "documentId";
    public const string State = "state";

    /// <summary>Title and body in hiragana (kanji read by MeCab), so がくえんとし finds 学園都市. Indexed, not stored.</summary>
    public const string Reading = "reading";

    /// <summary>
    /// Bumped whenever analysis or fields change: an index built under another schema is rebuilt
    /// at start instead of being patched.
    /// </summary>
    public const string SchemaVersion = "2";

    /// <summary>
    /// A goal is the overview of everything under it, so when its own title matches it should
    /// come before its 取組項目, whose titles are shorter and would otherwise win on length alone.
    /// Index-time, so changing it means a new <see cref="SchemaVersion"/>.
    /// </summary>
    public static float TitleBoostFor(string type) => type == SearchResultTypes.Goal ? 2f : 1f;

    public static Document ToLucene(SearchDocument source, string itemKey, ISearchReadings? readings = null)
    {
        var document = new Document
        {
            new StringField(Id, source.Id, Field.Store.YES),
            new StringField(Item, itemKey, Field.Store.YES),
            new StringField(Type, source.Type, Field.Store.YES),
            new TextField(Title, source.Title, Field.Store.YES) { Boost = TitleBoostFor(source.Type) },
            new TextField(Body, source.Body, Field.Store.YES),
            new StoredField(Url, source.Url),
            new StoredField(Label, source.Label),
            new NumericDocValuesField(Order, source.Order),
        };
        if (readings?.ReadingOf(source.Title + "\n" + source.Body) is { } reading)
        {
            document.Add(new TextField(Reading, reading, Field.Store.NO));
        }

        foreach (var crumb in source.Breadcrumb)
        {
            document.Add(new StoredField(Breadcrumb, crumb));
        }

        if (source.Department is { } department)
        {
            document.Add(new StringField(Department, department, Field.Store.YES));
        }

        if (source.Year is { } year)
        {
            document.Add(new StringField(Year, year.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES));
        }

        if (source.UpdatedUtc is { } updated)
        {
            document.Add(new StoredField(Updated, updated.Ticks));
        }

        if (source.DocumentId is { } documentId)
        {
            document.Add(new StringField(DocumentId, documentId.ToString("N"), Field.Store.YES));
        }

        if (source.State is { } state)
        {
            document.Add(new StoredField(State, state.ToString()));
        }

        return document;
    }

    /// <summary>
    /// One per source item, holding its stamp: how the index knows, after a restart, which
    /// items are out of date, even for an item that produced no searchable documents.
    /// </summary>
    public static Document ItemMarkerDocument(string itemKey, string stamp) =>
    [
        new StringField(Item, itemKey, Field.Store.YES),
        new StringField(ItemMarker, "1", Field.Store.NO),
        new StoredField(Stamp, stamp),
    ];

    public static SearchDocument FromLucene(Document document) => new()
    {
        Id = document.Get(Id),
        Type = document.Get(Type),
        Title = document.Get(Title) ?? "",
        Body = document.Get(Body) ?? "",
        Url = document.Get(Url) ?? "",
        Label = document.Get(Label) ?? "",
        Breadcrumb = document.GetValues(Breadcrumb),
        Department = document.Get(Department),
        Year = int.TryParse(document.Get(Year), System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null,
        UpdatedUtc = document.GetField(Updated)?.GetInt64Value() is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null,
        DocumentId = Guid.TryParseExact(document.Get(DocumentId), "N", out var id) ? id : null,
        State = Enum.TryParse<DraftState>(document.Get(State), out var state) ? state : null,
    };
}

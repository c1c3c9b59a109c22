using UedaPublicGoals.Content.Model;
namespace UedaPublicGoals.Search.Indexing;

/// <summary>
/// One search result's worth of content: a goal, one of its 取組項目, a progress report or a
/// page. Sources turn their content into these; the index stores them as Lucene documents.
/// </summary>
public sealed record SearchDocument
{
    /// <summary>Unique in the index, e.g. "content:{guid}#initiative-1".</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="SearchResultTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Searched with a boost over <see cref="Body"/>, and shown as the result's link text.</summary>
    public required string Title { get; init; }

    /// <summary>Plain text (no Markdown); searched and used for snippets.</summary>
    public required string Body { get; init; }

    /// <summary>Site-relative URL, fragment included (e.g. /seisaku-kikaku/r6/koho/#initiative-1).</summary>
    public required string Url { get; init; }

    /// <summary>Where the result sits, outermost first (政策企画部 › 令和6年度 › goal title).</summary>
    public IReadOnlyList<string> Breadcrumb { get; init; } = [];

    /// <summary>Short kind label shown above the title, e.g. 取組項目 ①.</summary>
    public required string Label { get; init; }

    /// <summary>Department slug; null for content outside departments (pages).</summary>
    public string? Department { get; init; }

    /// <summary>Fiscal year (2024 = 令和6年度); null for content outside fiscal years.</summary>
    public int? Year { get; init; }

    /// <summary>Tie-breaker for equal scores: smaller first (priority order within a year).</summary>
    public int Order { get; init; }

    /// <summary>When this version was published (external index) or saved (internal index).</summary>
    public DateTime? UpdatedUtc { get; init; }

    /// <summary>The content document this came from, for backoffice links.</summary>
    public Guid? DocumentId { get; init; }

    /// <summary>Internal index only: whether the indexed draft is published.</summary>
    public DraftState? State { get; init; }
}

/// <summary>The result types residents can filter by, with their Japanese labels.</summary>
public static class SearchResultTypes
{
    public const string Goal = "goal";
    public const string Initiative = "initiative";
    public const string Report = "report";
    public const string Page = "page";

    /// <summary>
    /// In filter order. A new source (e.g. published consultation responses, "consultation")
    /// adds its type here so the filter and the API accept it.
    /// </summary>
    public static IReadOnlyList<(string Value, string Label)> All { get; } =
    [
        (Goal, "重点目標"),
        (Initiative, "取組項目"),
        (Report, "中間報告・期末報告"),
        (Page, "ページ"),
    ];

    public static bool IsKnown(string value) => All.Any(t => t.Value == value);
}

using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Search;

/// <summary>Search options, bound from the "Search" section (environment: Search__IndexPath…).</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// Folder holding the two indexes (external/ and internal/). Each node keeps its own copy;
    /// relative paths resolve against the content root. Default: App_Data/search.
    /// </summary>
    public string? IndexPath { get; set; }

    /// <summary>How often both indexes are compared with the content as a safety net (e.g. for another node's publish). Zero turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Offered as links on the empty and no-results pages; only those that find something
    /// right now are shown, so the list can stay while content changes.
    /// </summary>
    public List<string> ExampleQueries { get; set; } = ["学園都市", "スマートシティ", "情報発信", "土地利用", "SDGs", "LINE"];

    public string ResolveIndexPath(string contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(IndexPath) ? Path.Combine("App_Data", "search") : IndexPath));
}

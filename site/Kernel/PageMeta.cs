namespace UedaPublicGoals.Kernel;

public sealed record Breadcrumb(string Label, string? Url);

/// <summary>What the layout needs for the head (title, canonical, OpenGraph) and the breadcrumbs.</summary>
public sealed record PageMeta(string Title, string Description, string Path)
{
    public IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; } = [];

    public string OpenGraphType { get; init; } = "article";

    /// <summary>Neighbours of a paged listing (rel="prev"/"next" in the head), root-relative.</summary>
    public string? PreviousPath { get; init; }

    public string? NextPath { get; init; }

    /// <summary>Site-relative path of the page's Atom feed, announced in the head (rel="alternate"); null: the site feed.</summary>
    public string? FeedPath { get; init; }

    /// <summary>Drafts in preview and error pages must not be indexed.</summary>
    public bool NoIndex { get; init; }
}

namespace UedaPublicGoals.Content.Model;

/// <summary>A generic page (about, privacy, accessibility…) with a Markdown body.</summary>
public sealed class PageContent
{
    public string Title { get; set; } = "";

    /// <summary>One sentence for lists, search snippets and OpenGraph descriptions.</summary>
    public string? Summary { get; set; }

    public string Body { get; set; } = "";
}

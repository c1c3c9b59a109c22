namespace UedaPublicGoals.Japanese.Glossary;

/// <summary>A 用語集 entry: a term and its short, plain definition. Residents see published entries only.</summary>
public sealed class GlossaryTerm
{
    public int Id { get; set; }

    public string Term { get; set; } = "";

    public string Definition { get; set; } = "";

    public bool IsPublished { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>The fragment of the term on /yogo/.</summary>
    public static string AnchorFor(int id) => $"yogo-{id}";
}

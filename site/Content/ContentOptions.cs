namespace UedaPublicGoals.Content;

/// <summary>Content options, bound from the "Content" section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// The content-seed folder; relative paths resolve against the content root. When
    /// unset: content-seed/ in the content root (published output), else ../content-seed
    /// (running from the repository).
    /// </summary>
    public string? SeedPath { get; set; }

    public string ResolveSeedPath(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(SeedPath))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, SeedPath));
        }

        var published = Path.Combine(contentRoot, "content-seed");
        return Directory.Exists(published) ? published : Path.GetFullPath(Path.Combine(contentRoot, "..", "content-seed"));
    }

    /// <summary>Import the seed at start (idempotent). Off for a database that is managed elsewhere.</summary>
    public bool ImportSeedOnStart { get; set; } = true;
}

namespace UedaPublicGoals.Content.Publishing;

/// <summary>Output cache tags: one per document, plus one for every page that lists documents.</summary>
public static class ContentCacheTags
{
    public const string Listings = "listings";

    public static string Document(Guid documentId) => $"doc:{documentId:N}";
}

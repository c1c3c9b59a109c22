namespace UedaPublicGoals.Japanese.Search;

/// <summary>A word residents type and the form the content uses: ライン → LINE.</summary>
public sealed class SearchSynonym
{
    public int Id { get; set; }

    public string Term { get; set; } = "";

    public string Replacement { get; set; } = "";
}

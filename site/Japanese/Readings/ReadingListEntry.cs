namespace UedaPublicGoals.Japanese.Readings;

/// <summary>A reading staff set for a word the dictionary reads wrongly (mostly place and person names: 武石 たけし).</summary>
public sealed class ReadingListEntry
{
    public int Id { get; set; }

    public string Word { get; set; } = "";

    /// <summary>Hiragana (katakana is accepted and folded on save).</summary>
    public string Reading { get; set; } = "";
}

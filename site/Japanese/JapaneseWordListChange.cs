namespace UedaPublicGoals.Japanese;

/// <summary>
/// A change to the glossary, the synonyms or the reading list travels to the other nodes the way a
/// publish does: as an outbox row in the same transaction, under one of these reserved ids (no
/// content document has them), so every node reloads its word lists within one poll or NOTIFY.
/// </summary>
public static class JapaneseWordListChange
{
    /// <summary>The glossary or the synonyms changed.</summary>
    public static readonly Guid WordLists = new("6a0b5f1e-0000-4000-8000-000000000001");

    /// <summary>The reading list changed: the search index's readings are redone too.</summary>
    public static readonly Guid Readings = new("6a0b5f1e-0000-4000-8000-000000000002");

    public static Guid For(bool readingsChanged) => readingsChanged ? Readings : WordLists;
}

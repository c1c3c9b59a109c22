namespace UedaPublicGoals.Content.Seed;

/// <summary>
/// One content-seed item that has been imported, by a key that does not depend on what staff
/// later do with it ("goal:seisaku-kikaku/2024/koho"). A renamed, deleted or purged item is
/// therefore never imported again.
/// </summary>
public sealed class SeedImportRecord
{
    public string Key { get; set; } = "";

    public DateTime ImportedUtc { get; set; }
}

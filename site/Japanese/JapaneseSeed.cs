using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using UedaPublicGoals.Content.Seed;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Japanese.Glossary;
using UedaPublicGoals.Japanese.Readings;
using UedaPublicGoals.Japanese.Search;

namespace UedaPublicGoals.Japanese;

/// <summary>
/// Imports content-seed/japanese/ (glossary.json, readings.json, synonyms.json). Like the content
/// seed, each entry is imported once, ever: what staff later edit or delete stays that way.
/// </summary>
public static class JapaneseSeed
{
    public const string Folder = "japanese";

    private sealed record GlossarySeed(string Term, string Definition);

    private sealed record ReadingSeed(string Word, string Reading);

    private sealed record SynonymSeed(string Term, string Replacement);

    public static async Task<int> ImportAsync(PortalDbContext db, string seedPath, DateTime utcNow, CancellationToken ct)
    {
        var folder = Path.Combine(seedPath, Folder);
        var imported = await db.SeedImports.Select(r => r.Key).ToListAsync(ct);
        var done = imported.ToHashSet(StringComparer.Ordinal);
        var added = 0;

        foreach (var item in Read<GlossarySeed>(folder, "glossary.json"))
        {
            added += Add($"glossary:{item.Term}", new GlossaryTerm { Term = item.Term, Definition = item.Definition, IsPublished = true, UpdatedUtc = utcNow, UpdatedBy = "content-seed" });
        }

        foreach (var item in Read<ReadingSeed>(folder, "readings.json"))
        {
            added += Add($"reading:{item.Word}", new ReadingListEntry { Word = item.Word, Reading = item.Reading });
        }

        foreach (var item in Read<SynonymSeed>(folder, "synonyms.json"))
        {
            added += Add($"synonym:{item.Term}", new SearchSynonym { Term = item.Term, Replacement = item.Replacement });
        }

        await db.SaveChangesAsync(ct);
        return added;

        int Add(string key, object entity)
        {
            if (!done.Add(key))
            {
                return 0;
            }

            db.Add(entity);
            db.SeedImports.Add(new SeedImportRecord { Key = key, ImportedUtc = utcNow });
            return 1;
        }
    }

    private static IReadOnlyList<T> Read<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonConvert.DeserializeObject<List<T>>(File.ReadAllText(path)) ?? [];
        }
        catch (JsonException ex)
        {
            throw new ContentSeedException(Path.Combine("content-seed", Folder, file), "(file)", ex.Message);
        }
    }
}

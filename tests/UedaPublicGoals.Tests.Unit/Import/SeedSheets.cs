using Newtonsoft.Json.Linq;
using UedaPublicGoals.Backoffice.Import;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Seed;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Tests.Unit.Import;

/// <summary>The original export and the hand transcription the importer is checked against.</summary>
internal static class SeedSheets
{
    public static string Root { get; } = FindRoot();

    public static string SourceFile => Path.Combine(Root, "content-seed", "source", "000_f0ef5d43f29e02bf.txt");

    public static readonly string[] Slugs = ["sogo-keikaku", "smart-city", "gakuen-toshi", "koho"];

    /// <summary>The workbook tools/SheetFixtureGenerator made from the export.</summary>
    public static string WorkbookFile => Path.Combine(Root, "tests", "Fixtures", "seisaku-kikaku-r6.xlsx");

    public static IReadOnlyList<SheetGrid> Grids() => TextExportReader.Read(File.ReadAllText(SourceFile));

    /// <summary>The seed as it was transcribed by hand before the importer read it (kept as the parser's expected output).</summary>
    public static GoalContent HandTranscribed(string slug) =>
        ContentJson.Deserialize<GoalSeedFile>(File.ReadAllText(Path.Combine(Root, "tests", "Fixtures", "hand-transcription", slug + ".json"))).Content;

    /// <summary>The JSON of a goal with KPI keys left out (the sheet cannot know the ASCII keys staff chose).</summary>
    public static JObject WithoutKpiKeys(GoalContent content)
    {
        var json = JObject.Parse(ContentJson.Serialize(content));
        foreach (var key in json.SelectTokens("$.initiatives[*].measures[*].kpis[*].key").ToList())
        {
            key.Parent!.Remove();
        }

        return json;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UedaPublicGoals.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}

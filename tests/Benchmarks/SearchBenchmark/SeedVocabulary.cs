using System.Text.RegularExpressions;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Benchmarks.Search;

/// <summary>Phrases cut from the content seed's goal sheets: the words the synthetic corpus is made of.</summary>
public sealed partial class SeedVocabulary
{
    private SeedVocabulary(IReadOnlyList<string> phrases, IReadOnlyList<string> titles, int sourceFiles)
    {
        Phrases = phrases;
        Titles = titles;
        SourceFiles = sourceFiles;
    }

    /// <summary>Fragments between punctuation, 2–40 characters, sorted so the corpus is the same on every run.</summary>
    public IReadOnlyList<string> Phrases { get; }

    /// <summary>Goal and initiative titles, for realistic title lengths.</summary>
    public IReadOnlyList<string> Titles { get; }

    public int SourceFiles { get; }

    [GeneratedRegex(@"[、。・「」『』（）()\[\]\s,，:：/／\-－※●○]+")]
    private static partial Regex Separators();

    public static SeedVocabulary Read(string contentSeed)
    {
        var files = Directory.GetFiles(Path.Combine(contentSeed, "goals"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var texts = new List<string>();
        var titles = new List<string>();
        foreach (var file in files)
        {
            var goal = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(file))["content"]!.ToString();
            var content = ContentJson.Deserialize<GoalContent>(goal);
            titles.Add(content.Title);
            titles.AddRange(content.Initiatives.Select(i => i.Title));
            texts.AddRange([content.Title, content.CurrentSituation ?? "", content.PurposeAndEffect ?? "", content.ComprehensivePlanPosition ?? "", content.RestructuringPlanPosition ?? "", content.AdministrativeReformPosition ?? ""]);
            foreach (var initiative in content.Initiatives)
            {
                texts.Add(initiative.Title);
                texts.AddRange(initiative.Measures.SelectMany(m => new[] { m.Method ?? "", m.Period ?? "", m.Target ?? "" }));
            }
        }

        var phrases = texts
            .SelectMany(t => Separators().Split(t))
            .Select(p => p.Trim())
            .Where(p => p.Length is >= 2 and <= 40)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SeedVocabulary(phrases, titles.Distinct().Order(StringComparer.Ordinal).ToList(), files.Count);
    }
}

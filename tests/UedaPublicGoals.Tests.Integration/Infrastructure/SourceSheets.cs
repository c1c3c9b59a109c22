using System.Text.RegularExpressions;

namespace UedaPublicGoals.Tests.Integration.Infrastructure;

/// <summary>One 取組項目 row of the original export, split into the strings residents must find.</summary>
public sealed record SourceInitiativeRow(int Sheet, string Marker, string Title, IReadOnlyList<string> Periods, IReadOnlyList<string> Targets);

/// <summary>
/// Reads the original tab-separated export (content-seed/source/) independently of the
/// JSON transcription, so the tests check the site against the source, not against itself.
/// </summary>
public static partial class SourceSheets
{
    public static string SourceFile => Path.Combine(RepositoryPaths.ContentSeed, "source", "000_f0ef5d43f29e02bf.txt");

    /// <summary>Goal slugs in sheet order (sheet n has 優先順位 n位).</summary>
    public static readonly string[] GoalSlugs = ["sogo-keikaku", "smart-city", "gakuen-toshi", "koho"];

    public static IReadOnlyList<string> GoalTitles()
    {
        return File.ReadLines(SourceFile)
            .Where(l => l.StartsWith("重点目標\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t')[1].Trim())
            .ToList();
    }

    public static IReadOnlyList<SourceInitiativeRow> InitiativeRows()
    {
        var rows = new List<SourceInitiativeRow>();
        var sheet = 0;
        foreach (var line in File.ReadLines(SourceFile))
        {
            if (line.StartsWith("重点目標\t", StringComparison.Ordinal))
            {
                sheet++;
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 4 || cells[0].Length != 1 || cells[0][0] is < '①' or > '⑳' || string.IsNullOrWhiteSpace(cells[1]))
            {
                continue; // blank template rows carry nothing to publish
            }

            var item = HtmlText.Collapse(cells[1]);
            var title = item.TrimStart('○', ' ');
            var firstSubItem = SubItemMarker().Match(title);
            if (firstSubItem.Success)
            {
                title = title[..firstSubItem.Index].Trim();
            }

            rows.Add(new SourceInitiativeRow(sheet, cells[0], title, SplitNumbered(cells[2]), SplitNumbered(cells[3]).SelectMany(SplitBullets).ToList()));
        }

        return rows;
    }

    /// <summary>"(1) 6月～3月 (2) 通年" -> ["6月～3月", "通年"]; an unnumbered cell is one item.</summary>
    public static IReadOnlyList<string> SplitNumbered(string cell)
    {
        var text = HtmlText.Collapse(cell);
        var parts = SubItemMarker().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0 && !Regex.IsMatch(p, @"^\d+$")).ToList();
        return parts;
    }

    /// <summary>"・ A ・ B" -> ["A", "B"]: the bullets become list items on the page.</summary>
    private static IEnumerable<string> SplitBullets(string text) =>
        BulletMarker().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0);

    [GeneratedRegex(@"(?:^|\s)\((\d+)\)\s")]
    private static partial Regex SubItemMarker();

    [GeneratedRegex(@"(?:^|\s)・\s")]
    private static partial Regex BulletMarker();
}

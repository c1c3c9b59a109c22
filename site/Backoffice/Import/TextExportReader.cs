using System.Text;

namespace UedaPublicGoals.Backoffice.Import;

/// <summary>
/// The sheet's text export (content-seed/source): tab-separated rows, HTML lists inside cells,
/// several sheets one after another, each starting at its 「重点目標」 row. Rows keep their line
/// numbers, so 「シート2 B44」 points at line 44 of the file, column B (the second field).
/// </summary>
public static class TextExportReader
{
    public const string FirstLabel = "重点目標";

    /// <summary>Is this the text export (UTF-8 text with a 「重点目標」 row)?</summary>
    public static bool LooksLikeTextExport(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return Lines(text).Any(IsGoalRow);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static IReadOnlyList<SheetGrid> Read(string text)
    {
        var lines = Lines(text).ToList();
        var starts = Enumerable.Range(0, lines.Count).Where(i => IsGoalRow(lines[i])).ToList();
        // A sheet owns the lines above its first row back to the previous sheet's 特記事項 row
        // (its title, 令和N年度 …); the first sheet also owns the file's preamble.
        var froms = starts.Select((start, s) =>
        {
            var from = start;
            while (s > 0 && from > 0 && !IsEndOfSheet(lines[from - 1]))
            {
                from--;
            }

            return s == 0 ? 0 : from;
        }).ToList();
        var sheets = new List<SheetGrid>();
        for (var s = 0; s < starts.Count; s++)
        {
            var to = s + 1 < starts.Count ? froms[s + 1] : lines.Count;
            var rows = new Dictionary<int, string[]>();
            for (var i = froms[s]; i < to; i++)
            {
                rows[i + 1] = lines[i].Split('\t');
            }

            sheets.Add(new SheetGrid($"シート{s + 1}", rows));
        }

        return sheets;
    }

    private static bool IsGoalRow(string line) => line.StartsWith(FirstLabel + "\t", StringComparison.Ordinal);

    private static bool IsEndOfSheet(string line) => line.StartsWith("特記事項\t", StringComparison.Ordinal);

    private static IEnumerable<string> Lines(string text) => text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
}

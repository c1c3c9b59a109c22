using UedaPublicGoals.Backoffice.Import;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Content.Seed;

/// <summary>
/// Reads seed goals from the original sheets in content-seed/source/ with the backoffice importer,
/// so the site starts with exactly what the sheets say. Each source file is read once.
/// </summary>
internal sealed class SeedSheetSource(string root)
{
    private readonly Dictionary<string, IReadOnlyList<ParsedGoalSheet>> files = new(StringComparer.Ordinal);

    public GoalSeedFile Fill(string file, GoalSeedFile goal)
    {
        if (goal.Source is not { } source)
        {
            return goal;
        }

        if (!string.IsNullOrEmpty(goal.Content.Title) || goal.Content.Initiatives.Count > 0)
        {
            throw new ContentSeedException(file, "content", "a goal read from a sheet (source) must not also write its content");
        }

        var sheets = Sheets(file, source.File);
        if (source.Sheet < 1 || source.Sheet > sheets.Count)
        {
            throw new ContentSeedException(file, "source.sheet", $"{source.File} has {sheets.Count} sheets in the layout, not {source.Sheet}");
        }

        var sheet = sheets[source.Sheet - 1];
        if (sheet.Problems.FirstOrDefault(p => p.Blocking) is { } problem)
        {
            throw new ContentSeedException(file, "source", $"{source.File}: {problem}");
        }

        if (sheet.FiscalYear != goal.Year)
        {
            throw new ContentSeedException(file, "year", $"the sheet is for {sheet.FiscalYear}, the file says {goal.Year}");
        }

        var kpis = sheet.Content.Initiatives.SelectMany(i => i.Measures).SelectMany(m => m.Kpis).ToList();
        var keys = goal.KpiKeys ?? [];
        if (keys.Count != kpis.Count)
        {
            throw new ContentSeedException(file, "kpiKeys", $"the sheet states {kpis.Count} KPIs ({string.Join("、", kpis.Select(k => k.Label))}); give one key for each, in sheet order");
        }

        for (var k = 0; k < kpis.Count; k++)
        {
            kpis[k].Key = keys[k];
        }

        // What the sheet cannot say stays in the seed file's content: the 意見の分野 of the goal.
        sheet.Content.CommentField = goal.Content.CommentField;
        goal.Content = sheet.Content;
        return goal;
    }

    private IReadOnlyList<ParsedGoalSheet> Sheets(string file, string sourceFile)
    {
        if (files.TryGetValue(sourceFile, out var sheets))
        {
            return sheets;
        }

        var path = Path.GetFullPath(Path.Combine(root, sourceFile));
        if (!path.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new ContentSeedException(file, "source.file", $"'{sourceFile}' is not a file under the content-seed folder");
        }

        try
        {
            // Seed content is not a report: no KPI measurement is dated by the reading.
            var upload = SheetImporter.Read(File.ReadAllBytes(path), DateOnly.MinValue);
            files[sourceFile] = upload.Sheets;
            return upload.Sheets;
        }
        catch (SheetFileException ex)
        {
            throw new ContentSeedException(file, "source.file", ex.Message);
        }
    }
}

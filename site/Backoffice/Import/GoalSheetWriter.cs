using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Backoffice.Import;

/// <summary>A goal to lay out as one worksheet.</summary>
public sealed record GoalSheetData(string SheetName, string DepartmentName, int FiscalYear, GoalContent Content);

/// <summary>
/// Writes goals back into the city's 重点目標管理シート layout (the label cells and the 取組項目 table
/// as the importer reads them), one worksheet per goal, so departments can keep working in Excel
/// and send the workbook back. Lists become lines or the sheet's own (1) ア ● markers, 進捗度 is
/// written as 【順調】 before a report, and every cell is text (nothing is evaluated as a formula).
/// </summary>
public static partial class GoalSheetWriter
{
    private const uint Wrap = 1;
    private const uint Label = 2;
    private const uint Heading = 3;

    public static byte[] Write(IReadOnlyList<GoalSheetData> goals)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddStyles(workbook);
            var strings = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < goals.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(goals[i], strings, index);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = goals[i].SheetName });
            }

            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private sealed record Placed(int Row, int Column, string Text, uint Style, int MergeTo = 0);

    private static Worksheet Worksheet(GoalSheetData data, List<string> strings, Dictionary<string, int> index)
    {
        var goal = data.Content;
        var cells = new List<Placed>
        {
            new(1, 1, $"令和{data.FiscalYear - 2018}年度 重点目標管理シート", Heading),
            new(3, 1, GoalSheetParser.TitleLabel, Label), new(3, 2, goal.Title, Wrap, 3),
            new(3, 4, GoalSheetParser.DepartmentLabel, Label), new(3, 5, data.DepartmentName, Wrap),
            new(3, 6, GoalSheetParser.PriorityLabel, Label), new(3, 7, $"{goal.Priority}位", Wrap),
            new(4, 1, GoalSheetParser.ComprehensivePlanLabel, Label), new(4, 2, Cells(goal.ComprehensivePlanPosition)[0], Wrap, 3),
            new(4, 4, GoalSheetParser.RestructuringPlanLabel, Label), new(4, 5, Cells(goal.RestructuringPlanPosition)[0], Wrap, 7),
            new(5, 1, GoalSheetParser.AdministrativeReformLabel, Label),
            new(6, 1, GoalSheetParser.CurrentSituationLabel, Label), new(6, 2, Cells(goal.CurrentSituation)[0], Wrap, 7),
            new(7, 1, GoalSheetParser.PurposeLabel, Label), new(7, 2, Cells(goal.PurposeAndEffect)[0], Wrap, 3),
            new(7, 4, GoalSheetParser.SdgLabel, Label), new(7, 5, string.Join("、", goal.SdgGoals), Wrap, 7),
            new(8, 2, GoalSheetParser.MethodHeader, Label), new(8, 3, GoalSheetParser.PeriodHeader, Label),
            new(8, 4, GoalSheetParser.TargetHeader, Label), new(8, 5, GoalSheetParser.MidtermHeader, Label), new(8, 6, GoalSheetParser.FinalHeader, Label),
        };

        // The 位置付け row has room for the sheet's second cell (ア・エ written apart from (1)(2)).
        var reform = Cells(goal.AdministrativeReformPosition);
        cells.Add(new(5, 2, reform[0], Wrap, 3));
        cells.Add(new(5, 4, string.Join(" ", reform.Skip(1)), Wrap, 7));

        var row = 9;
        foreach (var initiative in goal.Initiatives)
        {
            var methods = initiative.Measures.Where(m => m.Method is not null).Select(m => $"({m.Number}) {m.Method}");
            var periods = initiative.Period is { } period ? [period] : initiative.Measures.Where(m => m.Period is not null).Select(m => $"({m.Number}) {m.Period}");
            var targets = initiative.Measures.Where(m => m.Target is not null).Select(m => $"({m.Number}) {TargetCell(m.Target!)}");
            cells.Add(new(row, 1, SheetCellText.Circled(initiative.Number), Label));
            cells.Add(new(row, 2, string.Join("\n", new[] { "○ " + initiative.Title }.Concat(methods)), Wrap));
            cells.Add(new(row, 3, string.Join("\n", periods), Wrap));
            cells.Add(new(row, 4, string.Join("\n", targets), Wrap));
            cells.Add(new(row, 5, ReportCell(initiative.MidtermReport), Wrap));
            cells.Add(new(row, 6, ReportCell(initiative.FinalReport), Wrap));
            row++;
        }

        cells.Add(new(row, 1, GoalSheetParser.NotesLabel, Label));
        cells.Add(new(row, 2, GoalSheetParser.CitizenParticipationQuestion, Label));
        cells.Add(new(row, 3, Cells(goal.SpecialNotes.CitizenParticipation)[0], Wrap, 4));
        cells.Add(new(row, 5, GoalSheetParser.EffectsQuestion, Label));
        cells.Add(new(row, 6, Cells(goal.SpecialNotes.EffectsAndRemainingIssues)[0], Wrap, 7));

        var sheetData = new SheetData();
        foreach (var line in cells.Where(c => c.Text.Length > 0).GroupBy(c => c.Row).OrderBy(g => g.Key))
        {
            sheetData.Append(new Row(line.OrderBy(c => c.Column).Select(c => TextCell(c, strings, index))) { RowIndex = (uint)line.Key });
        }

        var worksheet = new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 1, Width = 16, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 50, CustomWidth = true },
                new Column { Min = 3, Max = 7, Width = 32, CustomWidth = true }),
            sheetData);
        var merges = cells.Where(c => c.MergeTo > c.Column).Select(c => new MergeCell { Reference = $"{SheetGrid.CellName(c.Row, c.Column)}:{SheetGrid.CellName(c.Row, c.MergeTo)}" }).ToList();
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges));
        }

        return worksheet;
    }

    /// <summary>
    /// A Markdown field as the sheet writes it: plain text as is; a list whose items carry the
    /// sheet's markers ((1), ①, ア, ●) on one line, starting a new cell where an item the reader
    /// would nest stands at the top; any other list one item per line.
    /// </summary>
    public static IReadOnlyList<string> Cells(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown) || !markdown.StartsWith("- ", StringComparison.Ordinal))
        {
            return [markdown ?? ""];
        }

        var items = markdown.Split('\n').Select(l => ListItem().Match(l)).Where(m => m.Success)
            .Select(m => (Level: m.Groups["indent"].Length / 2, Text: m.Groups["text"].Value)).ToList();
        if (!items.All(i => SheetMarker().IsMatch(i.Text)))
        {
            return [string.Join("\n", items.Select(i => i.Text))];
        }

        var groups = new List<List<string>> { new() };
        foreach (var (level, text) in items)
        {
            if (level == 0 && groups[^1].Count > 0 && NestingMarker().IsMatch(text))
            {
                groups.Add([]);
            }

            groups[^1].Add(text);
        }

        return groups.Select(g => string.Join(" ", g)).ToList();
    }

    private static string TargetCell(string target) =>
        target.StartsWith("- ", StringComparison.Ordinal)
            ? string.Join(" ", target.Split('\n').Select(l => "・ " + l[2..]))
            : target;

    private static string ReportCell(ProgressReport? report) =>
        report is null ? "" : $"【{report.Status.ToJapanese()}】{string.Join("\n", Cells(report.Text))}";

    private static Cell TextCell(Placed placed, List<string> strings, Dictionary<string, int> index)
    {
        if (!index.TryGetValue(placed.Text, out var at))
        {
            at = strings.Count;
            strings.Add(placed.Text);
            index[placed.Text] = at;
        }

        return new Cell { CellReference = SheetGrid.CellName(placed.Row, placed.Column), DataType = CellValues.SharedString, CellValue = new CellValue(at), StyleIndex = placed.Style };
    }

    private static void AddStyles(WorkbookPart workbook) =>
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 10.5 }, new FontName { Val = "Meiryo UI" }),
                new Font(new Bold(), new FontSize { Val = 10.5 }, new FontName { Val = "Meiryo UI" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Meiryo UI" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
                new CellFormat { FontId = 2, ApplyFont = true }));

    [GeneratedRegex(@"^(?<indent>\s*)- (?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(?:[\(（][0-9０-９]+[\)）]\s|[①-⑳]|[ア-ン]\s|●|[0-9０-９]+\s)")]
    private static partial Regex SheetMarker();

    [GeneratedRegex(@"^(?:[ア-ン]\s|●)")]
    private static partial Regex NestingMarker();
}

using System.Text.RegularExpressions;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Backoffice.Import;

/// <summary>One 重点目標管理シート read from a grid: the goal, where it belongs, and what could not be read.</summary>
public sealed record ParsedGoalSheet(
    string SheetName,
    string DepartmentName,
    string DepartmentCell,
    int? FiscalYear,
    string PriorityCell,
    GoalContent Content,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool HasBlockingProblems => Problems.Any(p => p.Blocking);
}

/// <summary>
/// Reads the city's sheet layout by its label cells (重点目標, 部局名, 優先順位, the three 位置付け,
/// 現況・課題, 目的・効果, 該当するSDGsの目標, the 取組項目 table, 特記事項), not by fixed columns:
/// the four seed sheets do not all put the same label in the same column.
/// </summary>
public static partial class GoalSheetParser
{
    public const string TitleLabel = "重点目標";
    public const string DepartmentLabel = "部局名";
    public const string PriorityLabel = "優先順位";
    public const string ComprehensivePlanLabel = "総合計画における位置付け";
    public const string RestructuringPlanLabel = "上田再構築プラン Ver.2.0「もっと、前へ」における位置付け";
    public const string AdministrativeReformLabel = "第四次上田市行財政改革大綱・アクションプログラムにおける位置付け";
    public const string CurrentSituationLabel = "現況・課題";
    public const string PurposeLabel = "目的・効果";
    public const string SdgLabel = "該当するSDGsの目標";
    public const string MethodHeader = "取組項目及び方法・手段（何をどのように）";
    public const string PeriodHeader = "期間・期限（いつ・いつまでに）";
    public const string TargetHeader = "数値目標（どの水準まで）";
    public const string MidtermHeader = "中間報告（目標に対する進捗状況・進捗度）及び（中間報告の時点で取組項目に対する方法・手段の見直しを行った点）";
    public const string FinalHeader = "期末報告（目標に対する達成状況・達成度）";
    public const string NotesLabel = "特記事項";
    public const string CitizenParticipationQuestion = "○市民参加・協働の推進、市民満足度の向上を考慮した点";
    public const string EffectsQuestion = "○取組による効果・残された課題";

    private static readonly string[] RowLabels =
    [
        TitleLabel, DepartmentLabel, PriorityLabel, ComprehensivePlanLabel, RestructuringPlanLabel, AdministrativeReformLabel,
        CurrentSituationLabel, PurposeLabel, SdgLabel, NotesLabel, CitizenParticipationQuestion, EffectsQuestion,
    ];

    /// <summary>Is there a sheet in the layout here (a 「重点目標」 label cell)?</summary>
    public static bool HasLayout(SheetGrid grid) => grid.RowNumbers.Any(r => FindLabel(grid, r, TitleLabel) > 0);

    /// <summary>
    /// Every sheet in the layout, in order. A sheet without its own 「令和N年度」 heading (the text
    /// export prints it once for consecutive sheets) takes the year of the sheet before it.
    /// </summary>
    public static IReadOnlyList<ParsedGoalSheet> ParseAll(IEnumerable<SheetGrid> grids, DateOnly today)
    {
        var sheets = new List<ParsedGoalSheet>();
        foreach (var grid in grids.Where(HasLayout))
        {
            sheets.Add(Parse(grid, sheets.LastOrDefault()?.FiscalYear, today));
        }

        return sheets;
    }

    public static ParsedGoalSheet Parse(SheetGrid grid, int? fallbackYear, DateOnly today)
    {
        var problems = new List<ImportProblem>();
        var content = new GoalContent();
        var labels = FindLabels(grid);

        string Value(string label, out string where)
        {
            if (!labels.TryGetValue(Key(label), out var at))
            {
                where = grid.Name;
                return "";
            }

            where = grid.Where(at.Row, at.Column + 1);
            return string.Join(" ", ValueCells(grid, labels, at).Select(SheetCellText.Collapse).Where(c => c.Length > 0));
        }

        string? Markdown(string label) =>
            labels.TryGetValue(Key(label), out var at) ? SheetCellText.ToMarkdown(ValueCells(grid, labels, at)) : null;

        foreach (var required in new[] { TitleLabel, DepartmentLabel, PriorityLabel })
        {
            if (!labels.ContainsKey(Key(required)))
            {
                problems.Add(new ImportProblem(grid.Name, $"「{required}」の欄が見つかりません。シートの書式（ラベルのセル）を変えずに入力してください。"));
            }
        }

        content.Title = Value(TitleLabel, out var titleCell);
        if (labels.ContainsKey(Key(TitleLabel)) && content.Title.Length == 0)
        {
            problems.Add(new ImportProblem(titleCell, "重点目標が空です。"));
        }

        var department = Value(DepartmentLabel, out var departmentCell);
        if (labels.ContainsKey(Key(DepartmentLabel)) && department.Length == 0)
        {
            problems.Add(new ImportProblem(departmentCell, "部局名が空です。"));
        }

        var priorityText = Value(PriorityLabel, out var priorityCell);
        var priority = PriorityPattern().Match(priorityText);
        if (priority.Success)
        {
            content.Priority = SheetCellText.ParseNumber(priority.Groups["n"].Value);
        }
        else if (labels.ContainsKey(Key(PriorityLabel)))
        {
            problems.Add(new ImportProblem(priorityCell, $"優先順位「{priorityText}」が読み取れません（例：1位）。"));
        }

        content.ComprehensivePlanPosition = Markdown(ComprehensivePlanLabel);
        content.RestructuringPlanPosition = Markdown(RestructuringPlanLabel);
        content.AdministrativeReformPosition = Markdown(AdministrativeReformLabel);
        content.CurrentSituation = Markdown(CurrentSituationLabel);
        content.PurposeAndEffect = Markdown(PurposeLabel);
        content.SdgGoals = ReadSdgs(Value(SdgLabel, out var sdgCell), sdgCell, problems);
        content.SpecialNotes = new SpecialNotes
        {
            CitizenParticipation = Markdown(CitizenParticipationQuestion),
            EffectsAndRemainingIssues = Markdown(EffectsQuestion),
        };

        var year = ReadYear(grid, labels) ?? fallbackYear;
        if (year is null)
        {
            problems.Add(new ImportProblem(grid.Name, "年度が読み取れません。シートの見出しに「令和6年度 重点目標管理シート」のように書いてください。"));
        }

        ReadTable(grid, labels, content, problems, today);
        CheckMergedCells(grid, labels, problems);
        return new ParsedGoalSheet(grid.Name, department, departmentCell, year, priorityCell, content, problems);
    }

    private sealed record LabelAt(int Row, int Column);

    private static Dictionary<string, LabelAt> FindLabels(SheetGrid grid)
    {
        var labels = new Dictionary<string, LabelAt>(StringComparer.Ordinal);
        foreach (var row in grid.RowNumbers)
        {
            for (var column = 1; column <= grid.LastColumn(row); column++)
            {
                var key = Key(grid.Cell(row, column));
                if (key.Length == 0)
                {
                    continue;
                }

                foreach (var label in RowLabels.Select(Key).Where(l => l == key || (l.StartsWith('○') && key.StartsWith(l, StringComparison.Ordinal))))
                {
                    labels.TryAdd(label, new LabelAt(row, column));
                }

                foreach (var header in new[] { MethodHeader, PeriodHeader, TargetHeader, MidtermHeader, FinalHeader })
                {
                    if (key.StartsWith(Key(header)[..4], StringComparison.Ordinal) && IsHeaderRow(grid, row))
                    {
                        labels.TryAdd(Key(header), new LabelAt(row, column));
                    }
                }
            }
        }

        return labels;
    }

    private static bool IsHeaderRow(SheetGrid grid, int row) =>
        Enumerable.Range(1, grid.LastColumn(row)).Any(c => Key(grid.Cell(row, c)).StartsWith(Key(MethodHeader)[..4], StringComparison.Ordinal));

    private static int FindLabel(SheetGrid grid, int row, string label) =>
        Enumerable.Range(1, grid.LastColumn(row)).FirstOrDefault(c => Key(grid.Cell(row, c)) == Key(label));

    /// <summary>
    /// The cells that belong to a label: to its right up to the next label in the row. A question
    /// cell of 特記事項 may also carry its answer below the question in the same cell.
    /// </summary>
    private static IEnumerable<string> ValueCells(SheetGrid grid, Dictionary<string, LabelAt> labels, LabelAt at)
    {
        var question = grid.Cell(at.Row, at.Column);
        if (question.StartsWith('○'))
        {
            var newline = question.IndexOf('\n');
            if (newline > 0)
            {
                yield return question[(newline + 1)..];
            }
        }

        var rowLabels = labels.Values.Where(l => l.Row == at.Row && l.Column > at.Column).Select(l => l.Column).DefaultIfEmpty(grid.LastColumn(at.Row) + 1).Min();
        for (var column = at.Column + 1; column < rowLabels; column++)
        {
            yield return grid.Cell(at.Row, column);
        }
    }

    private static int? ReadYear(SheetGrid grid, Dictionary<string, LabelAt> labels)
    {
        var firstRow = labels.TryGetValue(Key(TitleLabel), out var title) ? title.Row : int.MaxValue;
        foreach (var row in grid.RowNumbers.Where(r => r < firstRow).Reverse())
        {
            for (var column = 1; column <= grid.LastColumn(row); column++)
            {
                var match = ReiwaYear().Match(grid.Cell(row, column));
                if (match.Success)
                {
                    return 2018 + SheetCellText.ParseNumber(match.Groups["n"].Value);
                }
            }
        }

        return null;
    }

    private static List<int> ReadSdgs(string text, string where, List<ImportProblem> problems)
    {
        var numbers = new List<int>();
        foreach (Match match in Digits().Matches(text))
        {
            var n = SheetCellText.ParseNumber(match.Value);
            if (n is < 1 or > 17)
            {
                problems.Add(new ImportProblem(where, $"SDGsの目標「{match.Value}」は 1～17 の番号ではありません。"));
            }
            else if (!numbers.Contains(n))
            {
                numbers.Add(n);
            }
        }

        return numbers;
    }

    private static void ReadTable(SheetGrid grid, Dictionary<string, LabelAt> labels, GoalContent content, List<ImportProblem> problems, DateOnly today)
    {
        if (!labels.TryGetValue(Key(MethodHeader), out var method))
        {
            problems.Add(new ImportProblem(grid.Name, $"取組項目の表（見出し「{MethodHeader}」）が見つかりません。"));
            return;
        }

        int Column(string header) => labels.TryGetValue(Key(header), out var at) ? at.Column : 0;
        var columns = new TableColumns(method.Column, Column(PeriodHeader), Column(TargetHeader), Column(MidtermHeader), Column(FinalHeader));
        foreach (var (header, column) in new[] { (PeriodHeader, columns.Period), (TargetHeader, columns.Target), (MidtermHeader, columns.Midterm), (FinalHeader, columns.Final) })
        {
            if (column == 0)
            {
                problems.Add(new ImportProblem(grid.Where(method.Row, method.Column), $"取組項目の表に「{header}」の列が見つかりません。"));
            }
        }

        var end = labels.TryGetValue(Key(NotesLabel), out var notes) ? notes.Row : int.MaxValue;
        if (notes is null)
        {
            problems.Add(new ImportProblem(grid.Name, "「特記事項」の欄が見つかりません。シートの書式を変えずに入力してください。"));
        }

        foreach (var row in grid.RowNumbers.Where(r => r > method.Row && r < end))
        {
            var cells = columns.All.Where(c => c > 0).Select(c => grid.Cell(row, c)).ToList();
            var marker = Enumerable.Range(1, method.Column - 1).Select(c => SheetCellText.Collapse(grid.Cell(row, c))).FirstOrDefault(c => c.Length > 0) ?? "";
            if (cells.All(SheetCellText.IsBlank))
            {
                continue; // a blank template row (① … with nothing in it)
            }

            var number = SheetCellText.CircledNumber(marker);
            if (number == 0)
            {
                problems.Add(new ImportProblem(grid.Where(row, 1), $"取組項目の番号（①、②…）が読み取れません{(marker.Length > 0 ? $"（「{marker}」）" : "")}。"));
                continue;
            }

            if (number != content.Initiatives.Count + 1)
            {
                problems.Add(new ImportProblem(grid.Where(row, 1), $"取組項目の番号が順番になっていません（{SheetCellText.Circled(content.Initiatives.Count + 1)} のところに {marker}）。"));
            }

            content.Initiatives.Add(ReadInitiative(grid, row, content.Initiatives.Count + 1, columns, problems, today));
        }
    }

    private sealed record TableColumns(int Method, int Period, int Target, int Midterm, int Final)
    {
        public int[] All => [Method, Period, Target, Midterm, Final];
    }

    private static Initiative ReadInitiative(SheetGrid grid, int row, int number, TableColumns columns, List<ImportProblem> problems, DateOnly today)
    {
        var method = SheetCellText.SplitNumbered(grid.Cell(row, columns.Method));
        var period = SheetCellText.SplitNumbered(grid.Cell(row, columns.Period));
        var target = SheetCellText.SplitNumbered(grid.Cell(row, columns.Target));
        var initiative = new Initiative { Number = number, Title = method.Head.TrimStart('○', '〇', ' ', '　').Trim() };
        if (initiative.Title.Length == 0)
        {
            problems.Add(new ImportProblem(grid.Where(row, columns.Method), "取組項目の見出し（「○」の後の語句）がありません。"));
        }

        CheckNumbering(grid.Where(row, columns.Method), method, problems);
        CheckNumbering(grid.Where(row, columns.Period), period, problems);
        CheckNumbering(grid.Where(row, columns.Target), target, problems);
        var count = new[] { method, period, target }.SelectMany(c => c.Parts).Select(p => p.Number).DefaultIfEmpty(0).Max();

        if (period.Parts.Count == 0)
        {
            initiative.Period = period.Head.Length > 0 ? period.Head : null;
            if (period.Head.Length > 0 && !SheetCellText.IsReadablePeriod(period.Head))
            {
                problems.Add(new ImportProblem(grid.Where(row, columns.Period), $"期間が読み取れません（「{period.Head}」）。例：通年、年度内、6月～3月。"));
            }
        }
        else if (period.Head.Length > 0)
        {
            problems.Add(new ImportProblem(grid.Where(row, columns.Period), $"期間の (1) より前の「{period.Head}」をどの項目に入れるか分かりません。"));
        }

        if (target.Parts.Count == 0 && target.Head.Length > 0)
        {
            if (count > 1)
            {
                problems.Add(new ImportProblem(grid.Where(row, columns.Target), "数値目標に (1)(2)… の番号がないため、どの方法・手段の目標か分かりません。"));
            }
            else
            {
                target = new NumberedCell("", [new NumberedPart(1, target.Head)]);
                count = 1;
            }
        }

        for (var n = 1; n <= count; n++)
        {
            var measure = new Measure
            {
                Number = n,
                Method = method.Parts.FirstOrDefault(p => p.Number == n)?.Text is { Length: > 0 } m ? m : null,
                Period = period.Parts.FirstOrDefault(p => p.Number == n)?.Text is { Length: > 0 } p ? p : null,
            };
            if (target.Parts.FirstOrDefault(t => t.Number == n)?.Text is { Length: > 0 } targetText)
            {
                measure.Target = SheetCellText.TargetMarkdown(targetText);
                measure.Kpis = SheetCellText.RecognizeKpis(targetText, measure.Method, number, n);
            }

            if (measure.Period is { } measurePeriod && !SheetCellText.IsReadablePeriod(measurePeriod))
            {
                problems.Add(new ImportProblem(grid.Where(row, columns.Period), $"({n}) の期間が読み取れません（「{measurePeriod}」）。例：通年、年度内、6月～3月。"));
            }

            initiative.Measures.Add(measure);
        }

        initiative.MidtermReport = ReadReport(grid, row, columns.Midterm, "中間報告", initiative, today, problems);
        initiative.FinalReport = ReadReport(grid, row, columns.Final, "期末報告", initiative, today, problems);
        return initiative;
    }

    private static void CheckNumbering(string where, NumberedCell cell, List<ImportProblem> problems)
    {
        for (var i = 0; i < cell.Parts.Count; i++)
        {
            if (cell.Parts[i].Number != i + 1)
            {
                problems.Add(new ImportProblem(where, $"({i + 1}) のところが ({cell.Parts[i].Number}) になっています。(1)(2)… を順番に書いてください。"));
                return;
            }
        }
    }

    /// <summary>A report cell: its text, the 進捗度 it names, and the KPI values it reports.</summary>
    private static ProgressReport? ReadReport(SheetGrid grid, int row, int column, string name, Initiative initiative, DateOnly today, List<ImportProblem> problems)
    {
        // The export writes 進捗度 first, 「【順調】…」; staff may also just name it in the text.
        var cell = grid.Cell(row, column).TrimStart();
        var prefix = StatusPrefix().Match(cell);
        if (prefix.Success)
        {
            cell = cell[prefix.Length..];
        }

        if (column == 0 || SheetCellText.ToMarkdown([cell]) is not { } text)
        {
            return null;
        }

        var status = SheetCellText.StatusIn(prefix.Success ? prefix.Value : text);
        if (status is null)
        {
            problems.Add(new ImportProblem(grid.Where(row, column), $"{name}の進捗度（順調・やや遅れ・遅れ・達成のどれか）が書かれていません。"));
        }

        foreach (var kpi in initiative.Measures.SelectMany(m => m.Kpis))
        {
            if (SheetCellText.ReportedValue(text, kpi) is { } value)
            {
                kpi.Measurements.Add(new KpiMeasurement { Date = today, Value = value, Note = name });
            }
        }

        return new ProgressReport { Text = text, Status = status ?? ProgressStatus.OnTrack };
    }

    /// <summary>Merged cells the layout cannot have: across rows, or across two columns of the 取組項目 table.</summary>
    private static void CheckMergedCells(SheetGrid grid, Dictionary<string, LabelAt> labels, List<ImportProblem> problems)
    {
        var headerColumns = new[] { MethodHeader, PeriodHeader, TargetHeader, MidtermHeader, FinalHeader }
            .Select(h => labels.TryGetValue(Key(h), out var at) ? at.Column : 0).Where(c => c > 0).ToList();
        var tableStart = labels.TryGetValue(Key(MethodHeader), out var header) ? header.Row : int.MaxValue;
        var tableEnd = labels.TryGetValue(Key(NotesLabel), out var notes) ? notes.Row : int.MaxValue;
        foreach (var range in grid.Merged)
        {
            var acrossRows = range.LastRow > range.FirstRow;
            var acrossTableColumns = range.FirstRow >= tableStart && range.FirstRow < tableEnd && headerColumns.Count(c => c >= range.FirstColumn && c <= range.LastColumn) > 1;
            if (acrossRows || acrossTableColumns)
            {
                problems.Add(new ImportProblem($"{grid.Name} {range.Name}", "結合されたセルがあり、どの欄の内容か読み取れません。セルの結合を解除して、内容を元の欄に入れてください。"));
            }
        }
    }

    /// <summary>Labels compared without spaces (「上田再構築プラン Ver.2.0…」 is written with and without one).</summary>
    private static string Key(string text) => Regex.Replace(text ?? "", @"[\s　]", "");

    [GeneratedRegex(@"^(?<n>[0-9０-９]+)\s*位?$")]
    private static partial Regex PriorityPattern();

    [GeneratedRegex(@"^【(順調|やや遅れ|遅れ|達成)】\s*")]
    private static partial Regex StatusPrefix();

    [GeneratedRegex(@"令和\s*(?<n>[0-9０-９]+)\s*年度")]
    private static partial Regex ReiwaYear();

    [GeneratedRegex(@"[0-9０-９]+")]
    private static partial Regex Digits();
}

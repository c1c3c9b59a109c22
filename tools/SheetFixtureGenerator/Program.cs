using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

// Usage: dotnet run --project tools/SheetFixtureGenerator -- [source.txt] [output.xlsx]
// Lays each sheet of the text export out as the department's Excel sheet would be: a title row
// 「令和6年度 重点目標管理シート」, every label and value in the column the export gives it, values
// merged across the empty cells to their right (as the form's cells are), HTML lists and the
// (1)(2)… parts of the 取組項目 table on separate lines inside their cell (Alt+Enter), shared
// strings with phonetic guides on the labels (as Japanese Excel saves them), wrapped text.
var root = FindRoot();
var source = args.Length > 0 ? args[0] : Path.Combine(root, "content-seed", "source", "000_f0ef5d43f29e02bf.txt");
var output = args.Length > 1 ? args[1] : Path.Combine(root, "tests", "Fixtures", "seisaku-kikaku-r6.xlsx");

var sheets = SplitSheets(File.ReadAllLines(source));
using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
{
    var workbook = document.AddWorkbookPart();
    workbook.Workbook = new Workbook(new Sheets());
    var strings = new List<string>();
    var styles = workbook.AddNewPart<WorkbookStylesPart>();
    styles.Stylesheet = new Stylesheet(
        new Fonts(new Font(new FontSize { Val = 10.5 }, new FontName { Val = "ＭＳ Ｐゴシック" }), new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "ＭＳ Ｐゴシック" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat { FontId = 1, ApplyFont = true }));

    for (var s = 0; s < sheets.Count; s++)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var merges = new List<string>();
        data.Append(new Row(TextCell(1, 1, "令和6年度 重点目標管理シート", strings, 2)) { RowIndex = 1 });
        var rowIndex = 3;
        foreach (var cells in sheets[s])
        {
            var row = new Row { RowIndex = (uint)rowIndex };
            var inTable = Regex.IsMatch(cells[0], "^[①-⑳]$");
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].Trim().Length == 0)
                {
                    continue;
                }

                row.Append(TextCell(rowIndex, c + 1, CellText(cells[c], inTable), strings, 1));
                var last = c;
                while (last + 1 < cells.Length && cells[last + 1].Trim().Length == 0 && !inTable && last + 1 < cells.Length - 1)
                {
                    last++;
                }

                if (last > c && c > 0)
                {
                    merges.Add($"{Column(c + 1)}{rowIndex}:{Column(last + 1)}{rowIndex}");
                }
            }

            data.Append(row);
            rowIndex++;
        }

        var worksheet = new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 1, Width = 14, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 48, CustomWidth = true },
                new Column { Min = 3, Max = 8, Width = 30, CustomWidth = true }),
            data);
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }

        part.Worksheet = worksheet;
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(s + 1), Name = $"シート{s + 1}" });
    }

    var stringPart = workbook.AddNewPart<SharedStringTablePart>();
    stringPart.SharedStringTable = new SharedStringTable(strings.Select(StringItem));
    workbook.Workbook.Save();
}

Console.WriteLine($"{output}: {sheets.Count} sheets");

// Sheets start at their 「重点目標」 row and end at 特記事項; blank lines and the export's preamble are not cells.
static List<List<string[]>> SplitSheets(string[] lines)
{
    var sheets = new List<List<string[]>>();
    foreach (var line in lines)
    {
        if (line.StartsWith("重点目標\t", StringComparison.Ordinal))
        {
            sheets.Add([]);
        }

        if (sheets.Count > 0 && line.Contains('\t') && (sheets[^1].Count == 0 || !sheets[^1][^1][0].StartsWith("特記事項", StringComparison.Ordinal)))
        {
            sheets[^1].Add(line.Split('\t'));
        }
    }

    return sheets;
}

// An HTML list becomes one line per item; the table's (n) parts start new lines, as staff type them.
static string CellText(string cell, bool inTable)
{
    if (cell.Contains("<ul", StringComparison.Ordinal))
    {
        var text = Regex.Replace(cell, "<[^>]+>", " ").Trim();
        return string.Join("\n", Regex.Split(text, @"(?<=。)\s+").Select(i => i.Trim()).Where(i => i.Length > 0));
    }

    return inTable ? Regex.Replace(cell.Trim(), @"\s+(?=\(\d+\)\s)", "\n") : cell.Trim();
}

static Cell TextCell(int row, int column, string text, List<string> strings, uint style)
{
    var index = strings.IndexOf(text);
    if (index < 0)
    {
        strings.Add(text);
        index = strings.Count - 1;
    }

    return new Cell { CellReference = Column(column) + row, DataType = CellValues.SharedString, CellValue = new CellValue(index), StyleIndex = style };
}

// Labels carry a phonetic guide as Japanese Excel stores it; the reader must not mix it into the text.
static SharedStringItem StringItem(string text) => text switch
{
    "重点目標" => new SharedStringItem(new Text(text), new PhoneticRun(new Text("ジュウテンモクヒョウ")) { BaseTextStartIndex = 0, EndingBaseIndex = 4 }),
    "部局名" => new SharedStringItem(new Text(text), new PhoneticRun(new Text("ブキョクメイ")) { BaseTextStartIndex = 0, EndingBaseIndex = 3 }),
    _ => new SharedStringItem(new Text(text) { Space = text.Trim() != text || text.Contains('\n') ? SpaceProcessingModeValues.Preserve : null }),
};

static string Column(int number)
{
    var name = "";
    for (; number > 0; number = (number - 1) / 26)
    {
        name = (char)('A' + (number - 1) % 26) + name;
    }

    return name;
}

static string FindRoot()
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

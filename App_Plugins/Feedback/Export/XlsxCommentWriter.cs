using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UedaPublicGoals.Feedback.Export;

/// <summary>
/// An Excel workbook with one sheet: a bold, frozen header row with a filter, set column widths,
/// wrapped text, and every cell a shared string (text is never evaluated as a formula in .xlsx).
/// </summary>
public static class XlsxCommentWriter
{
    public const string SheetName = "意見一覧";

    private const uint WrapStyle = 1;
    private const uint HeaderStyle = 2;

    public static byte[] Write(CommentExportTable table, string sheetName = SheetName)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            AddStyles(workbookPart);

            var strings = new SharedStrings();
            var sheetData = new SheetData();
            sheetData.Append(Row(1, table.Columns.Select(c => c.Header), strings, HeaderStyle));
            uint rowIndex = 2;
            foreach (var row in table.Rows)
            {
                sheetData.Append(Row(rowIndex++, row, strings, WrapStyle));
            }

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var lastColumn = ColumnName(table.Columns.Count);
            worksheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
                { WorkbookViewId = 0U }),
                new SheetFormatProperties { DefaultRowHeight = 18D },
                new Columns(table.Columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })),
                sheetData,
                new AutoFilter { Reference = $"A1:{lastColumn}{Math.Max(1, table.Rows.Count + 1)}" });

            var sharedStringPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStringPart.SharedStringTable = strings.ToTable();

            workbookPart.Workbook.Append(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1U, Name = sheetName }));
            // The filter's range, as Excel itself records it.
            workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'{sheetName}'!$A$1:${lastColumn}${Math.Max(1, table.Rows.Count + 1)}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = 0U, Hidden = true,
            }));
            workbookPart.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static Row Row(uint index, IEnumerable<string> cells, SharedStrings strings, uint style)
    {
        var row = new Row { RowIndex = index };
        var column = 1;
        foreach (var text in cells)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(column++) + index,
                DataType = CellValues.SharedString,
                CellValue = new CellValue(strings.IndexOf(XmlSafe(text))),
                StyleIndex = style,
            });
        }

        return row;
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + (number - 1) % 26) + name;
        }

        return name;
    }

    /// <summary>
    /// Line breaks as Excel writes them inside a cell (LF; an XML reader would turn CRLF into LF
    /// anyway), and no control characters XML 1.0 cannot carry: a pasted one would make the file unreadable.
    /// </summary>
    private static string XmlSafe(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.Any(c => c < 0x20 && c is not '\t' and not '\n')
            ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n').ToArray())
            : text;
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11D }, new FontName { Val = "Meiryo UI" }),
                new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Meiryo UI" }))
            { Count = 2U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE6F5" }) { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellFormats(
                new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0U, FillId = 0U, BorderId = 0U, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1U, FillId = 2U, BorderId = 0U, ApplyFont = true, ApplyFill = true, ApplyAlignment = true })
            { Count = 3U });
        styles.Stylesheet.Save();
    }

    /// <summary>Each distinct text once, referenced by index (what Excel itself writes).</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<string> texts = [];
        private uint references;

        public int IndexOf(string text)
        {
            references++;
            if (!indexes.TryGetValue(text, out var index))
            {
                index = texts.Count;
                indexes.Add(text, index);
                texts.Add(text);
            }

            return index;
        }

        public SharedStringTable ToTable()
        {
            var table = new SharedStringTable { Count = references, UniqueCount = (uint)texts.Count };
            foreach (var text in texts)
            {
                // Preserve keeps leading/trailing spaces and line breaks as typed.
                table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return table;
        }
    }
}

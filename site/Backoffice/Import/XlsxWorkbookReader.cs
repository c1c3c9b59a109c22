using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UedaPublicGoals.Backoffice.Import;

/// <summary>An .xlsx read into grids, with what the reader noticed (formulas, external links).</summary>
public sealed record WorkbookGrids(IReadOnlyList<SheetGrid> Sheets, IReadOnlyList<ImportProblem> Notices);

/// <summary>
/// Reads the cell texts of an .xlsx workbook. The archive is checked first (entry count and the
/// real uncompressed size of every entry, inflated with a cap), so a zip bomb is refused before
/// the Open XML SDK sees it. Formulas are never evaluated and external links never followed:
/// a formula cell gives the value Excel saved with it.
/// </summary>
public static class XlsxWorkbookReader
{
    public const int MaxEntries = 500;
    public const long MaxEntryBytes = 30L * 1024 * 1024;
    public const long MaxTotalBytes = 60L * 1024 * 1024;
    private const int MaxRows = 2000;
    private const int MaxColumns = 60;

    public static bool LooksLikeZip(ReadOnlySpan<byte> bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    public static WorkbookGrids Read(byte[] bytes)
    {
        CheckArchive(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxEntryBytes });
            var workbookPart = document.WorkbookPart ?? throw new SheetFileException("Excel ブックの中にワークシートがありません。");
            var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
            var notices = new List<ImportProblem>();
            if (workbookPart.ExternalWorkbookParts.Any())
            {
                notices.Add(new ImportProblem("ブック", "外部のブックへのリンクがあります。リンク先は開かず、セルに保存されている値を使います。", Blocking: false));
            }

            var sheets = new List<SheetGrid>();
            foreach (var sheet in workbookPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                sheets.Add(ReadSheet(sheet.Name?.Value ?? $"シート{sheets.Count + 1}", part.Worksheet, strings, notices));
            }

            return new WorkbookGrids(sheets, notices);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException)
        {
            throw new SheetFileException("Excel ブック（.xlsx）として読めませんでした。Excel で開けることを確かめ、「Excel ブック（*.xlsx）」として保存し直してください。");
        }
    }

    private static void CheckArchive(byte[] bytes)
    {
        const string bomb = "このファイルは展開すると大きくなりすぎるため読み込みません（圧縮された爆弾ファイルの可能性があります）。Excel で保存し直したブックを選んでください。";
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                throw new SheetFileException($"ファイルの中の部品が多すぎます（{archive.Entries.Count}個、{MaxEntries}個まで）。重点目標管理シートのブックではないようです。");
            }

            if (archive.GetEntry("xl/workbook.xml") is null)
            {
                throw new SheetFileException("Excel ブック（.xlsx）ではありません（ZIP ファイルですが、ワークシートが入っていません）。");
            }

            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                if (entry.Length > MaxEntryBytes || (total += entry.Length) > MaxTotalBytes)
                {
                    throw new SheetFileException(bomb);
                }

                // The declared size can lie: inflate with a cap and count.
                long inflated = 0;
                using var content = entry.Open();
                for (int read; (read = content.Read(buffer)) > 0;)
                {
                    if ((inflated += read) > MaxEntryBytes)
                    {
                        throw new SheetFileException(bomb);
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new SheetFileException("Excel ブック（.xlsx）として読めませんでした（ファイルが壊れているか、別の形式です）。");
        }
    }

    private static SheetGrid ReadSheet(string name, Worksheet worksheet, IReadOnlyList<string> strings, List<ImportProblem> notices)
    {
        var rows = new Dictionary<int, List<string>>();
        foreach (var cell in worksheet.Descendants<Cell>())
        {
            if (cell.CellReference?.Value is not { } reference || !TryParseReference(reference, out var row, out var column) || row > MaxRows || column > MaxColumns)
            {
                continue;
            }

            var text = CellText(cell, strings);
            if (cell.CellFormula is not null)
            {
                notices.Add(new ImportProblem($"{name} {reference}", text.Length > 0
                    ? "数式のセルです。計算はせず、保存されている値「" + Shorten(text) + "」を使います。"
                    : "数式のセルですが、保存された値がありません。Excel で開いて保存し直すか、値を直接入力してください。", Blocking: text.Length == 0));
            }

            if (!rows.TryGetValue(row, out var cells))
            {
                rows[row] = cells = [];
            }

            while (cells.Count < column)
            {
                cells.Add("");
            }

            cells[column - 1] = text;
        }

        var merged = worksheet.Descendants<MergeCell>()
            .Select(m => m.Reference?.Value?.Split(':'))
            .Where(p => p is { Length: 2 })
            .Select(p => TryParseReference(p![0], out var r1, out var c1) && TryParseReference(p[1], out var r2, out var c2) ? new MergedRange(r1, c1, r2, c2) : null)
            .OfType<MergedRange>()
            .ToList();
        return new SheetGrid(name, rows.ToDictionary(r => r.Key, r => r.Value.ToArray()), merged);
    }

    private static string CellText(Cell cell, IReadOnlyList<string> strings)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : "";
        }

        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, out var index) && index >= 0 && index < strings.Count ? strings[index] : "";
        }

        return value;
    }

    /// <summary>The text of a string item: its runs, without the phonetic guides (ふりがな) Japanese Excel stores beside them.</summary>
    private static string ItemText(OpenXmlElement item) =>
        item.Elements<Text>().Any() || item.Elements<Run>().Any()
            ? string.Concat(item.Elements<Text>().Select(t => t.Text).Concat(item.Elements<Run>().SelectMany(r => r.Elements<Text>()).Select(t => t.Text)))
            : "";

    private static bool TryParseReference(string reference, out int row, out int column)
    {
        row = column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++)
        {
            column = column * 26 + reference[i] - 'A' + 1;
        }

        return i > 0 && i < reference.Length && int.TryParse(reference.AsSpan(i), out row) && row > 0;
    }

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}

namespace UedaPublicGoals.Backoffice.Import;

/// <summary>
/// One sheet as rows of cell texts, whatever it was read from (an .xlsx worksheet or a block of
/// the tab-separated export). Rows and columns are 1-based like Excel's, so a problem can name
/// the cell staff will look at (「シート2 D14」).
/// </summary>
public sealed class SheetGrid(string name, IReadOnlyDictionary<int, string[]> rows, IReadOnlyList<MergedRange>? merged = null)
{
    /// <summary>The worksheet's name, or 「シートN」 for the text export.</summary>
    public string Name { get; } = name;

    /// <summary>Merged cell ranges (only an .xlsx has them).</summary>
    public IReadOnlyList<MergedRange> Merged { get; } = merged ?? [];

    public IEnumerable<int> RowNumbers => rows.Keys.Order();

    public int LastColumn(int row) => rows.TryGetValue(row, out var cells) ? cells.Length : 0;

    /// <summary>The cell's text, "" when empty or outside the sheet.</summary>
    public string Cell(int row, int column) =>
        rows.TryGetValue(row, out var cells) && column >= 1 && column <= cells.Length ? cells[column - 1] ?? "" : "";

    /// <summary>「シート2 D14」</summary>
    public string Where(int row, int column) => $"{Name} {CellName(row, column)}";

    /// <summary>A, B, …, Z, AA, …</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + (number - 1) % 26) + name;
        }

        return name;
    }

    public static string CellName(int row, int column) => ColumnName(column) + row;
}

/// <summary>A merged cell range, 1-based and inclusive.</summary>
public sealed record MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public string Name => $"{SheetGrid.CellName(FirstRow, FirstColumn)}:{SheetGrid.CellName(LastRow, LastColumn)}";

    public bool Covers(int row, int column) => row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;
}

/// <summary>Something the importer could not read (Blocking: nothing may be written), or a notice, with the sheet and cell it is about.</summary>
public sealed record ImportProblem(string Where, string Message, bool Blocking = true)
{
    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>A file that cannot be read at all (not a workbook, too large, a zip bomb, no sheet in the layout).</summary>
public sealed class SheetFileException(string message) : Exception(message);

using System.Globalization;
using System.Text;
using CsvHelper;

namespace UedaPublicGoals.Feedback.Export;

/// <summary>
/// CSV that Excel opens correctly: UTF-8 with a byte-order mark (without it Excel reads Shift_JIS
/// and garbles Japanese), CRLF line ends, RFC 4180 quoting, and no cell that Excel would run as a formula.
/// </summary>
public static class CsvCommentWriter
{
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ',',
        NewLine = "\r\n",
        // RFC 4180: quote a field only when it holds a separator, a quote or a line break.
        Quoting = CsvQuoting.WhenNeeded,
        // SpreadsheetText.DefuseFormula below is explicit about what it escapes and is tested on its own.
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(CommentExportTable table)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Header);
            }

            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(SpreadsheetText.DefuseFormula(cell));
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return buffer.ToArray();
    }
}

public static class SpreadsheetText
{
    /// <summary>
    /// Cells starting with = + - @ tab or CR are formulas (or become one) in Excel and other
    /// spreadsheets: a leading apostrophe keeps them as text ("=1+1" → "'=1+1"). OWASP "CSV injection".
    /// </summary>
    public static string DefuseFormula(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}

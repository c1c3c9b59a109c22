using System.Globalization;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// 受付番号: R{令和の年度}-{comment id, six digits}, e.g. R6-000123. The id makes it unique without
/// a counter to coordinate between nodes; the fiscal year (April to March, Japan time, of the moment
/// the comment was stored) makes it readable on paper. The only generator for every channel: web
/// comments and the letters staff type into the inbox are both stored through
/// <see cref="NumberedInsert.InsertNumberedAsync"/>, so they share one sequence and one format.
/// </summary>
public static class ReceiptNumbers
{
    public static string For(long commentId, DateTime createdUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"R{ReiwaFiscalYear(createdUtc)}-{commentId:D6}");

    /// <summary>A placeholder that is unique until the id is known (the column is unique and required).</summary>
    public static string Pending() => "tmp-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>令和 fiscal year: FY2024 (April 2024 to March 2025) is 令和6年度.</summary>
    public static int ReiwaFiscalYear(DateTime utc)
    {
        var local = TokyoTime.ToTokyo(utc);
        var fiscalYear = local.Month >= 4 ? local.Year : local.Year - 1;
        return fiscalYear - 2018;
    }
}

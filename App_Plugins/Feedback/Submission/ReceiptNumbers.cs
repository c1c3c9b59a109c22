using System.Globalization;
using System.Security.Cryptography;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// 受付番号: R{令和の年度}-{number in that fiscal year, six digits}, e.g. R8-000123. The number comes
/// from the fiscal year's counter, taken in the transaction that stores the comment (see
/// <see cref="CommentBatch"/>), so it is unique on every node and has no gaps; the fiscal year (April
/// to March, Japan time, of the moment the comment was stored) makes it readable on paper. Web
/// comments and the letters staff type into the inbox share one sequence and one format.
/// </summary>
public static class ReceiptNumbers
{
    public static string For(long number, DateTime createdUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"R{ReiwaFiscalYear(createdUtc)}-{number:D6}");

    /// <summary>
    /// What a silently discarded bot submission is shown: shaped like a 受付番号 but in 令和0年度,
    /// a fiscal year that never existed (FY2018 was 平成30年度), so it is never issued to a real
    /// comment and staff see at once that it is not one.
    /// </summary>
    public static string Fake() =>
        string.Create(CultureInfo.InvariantCulture, $"R0-{RandomNumberGenerator.GetInt32(1, 1_000_000):D6}");

    /// <summary>令和 fiscal year: FY2024 (April 2024 to March 2025) is 令和6年度.</summary>
    public static int ReiwaFiscalYear(DateTime utc)
    {
        var local = TokyoTime.ToTokyo(utc);
        var fiscalYear = local.Month >= 4 ? local.Year : local.Year - 1;
        return fiscalYear - 2018;
    }
}

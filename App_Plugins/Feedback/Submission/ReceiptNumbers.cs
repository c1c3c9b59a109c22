using System.Globalization;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// 受付番号: R{令和の年度}-{comment id, six digits}, e.g. R6-000123. The id makes it unique without
/// a counter to coordinate between nodes; the fiscal year (April to March, Japan time) makes it
/// readable on paper. Staff entering paper comments use the same format.
/// </summary>
public static class ReceiptNumbers
{
    private static readonly TimeZoneInfo Japan = FindJapan();

    public static string For(long commentId, DateTime receivedUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"R{ReiwaFiscalYear(receivedUtc)}-{commentId:D6}");

    /// <summary>A placeholder that is unique until the id is known (the column is unique and required).</summary>
    public static string Pending() => "tmp-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>令和 fiscal year: FY2024 (April 2024 to March 2025) is 令和6年度.</summary>
    public static int ReiwaFiscalYear(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Japan);
        var fiscalYear = local.Month >= 4 ? local.Year : local.Year - 1;
        return fiscalYear - 2018;
    }

    private static TimeZoneInfo FindJapan()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "Japan", "JST");
        }
    }

    public static TimeZoneInfo JapanTime => Japan;
}

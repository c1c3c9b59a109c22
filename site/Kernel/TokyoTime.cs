using System.Globalization;
using System.Text;

namespace UedaPublicGoals.Kernel;

/// <summary>
/// Residents and staff think and type in Japan time; the database holds UTC. Every date a person
/// sees or enters, on the public pages, in the inbox, in e-mails and in the 受付番号's 年度, goes
/// through here.
/// </summary>
public static class TokyoTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToTokyo(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time in Tokyo (as typed into a form) as UTC.</summary>
    public static DateTime ToUtc(DateTime tokyoWallClock) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(tokyoWallClock, DateTimeKind.Unspecified), Zone);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToTokyo(utc));

    /// <summary>Today's date in Japan.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The Japanese fiscal year (年度) a date falls in: it starts on 1 April, so 2025-03-31 is in 2024.</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>The fiscal year running now in Japan.</summary>
    public static int CurrentFiscalYear(TimeProvider clock) => FiscalYearOf(Today(clock));

    /// <summary>00:00 of the Tokyo date, in UTC (the previous day 15:00).</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => ToUtc(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>e.g. 2026年11月24日</summary>
    public static string LongDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string LongDate(DateTime utc) => LongDate(DateOf(utc));

    /// <summary>e.g. 2026年11月24日 9:05</summary>
    public static string LongDateTime(DateTime utc) => $"{LongDate(utc)} {ToTokyo(utc):H:mm}";

    /// <summary>yyyy-MM-dd, the value format of &lt;input type="date"&gt; and of exports.</summary>
    public static string IsoDate(DateTime utc) => DateOf(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The value an &lt;input type="datetime-local"&gt; shows for a stored UTC time.</summary>
    public static string ToLocalInput(DateTime? utc) =>
        utc is { } value ? ToTokyo(value).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Reads yyyy-MM-ddTHH:mm (seconds allowed, full-width digits folded) as Tokyo time.</summary>
    public static bool TryParseLocalInput(string? value, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Normalize(NormalizationForm.FormKC).Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        utc = ToUtc(local);
        return true;
    }

    /// <summary>Japan has had no daylight saving time since 1951: a fixed +9:00 zone serves where the system has no tz data.</summary>
    private static TimeZoneInfo FindZone()
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
}

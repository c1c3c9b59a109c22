using System.Text.RegularExpressions;

namespace UedaPublicGoals.Reporting;

/// <summary>
/// The sheets write periods as bare months (「3月」「6月～3月」). Shown with the fiscal year
/// they fall in, the sheet's own words kept first: 「3月（令和7年3月）」.
/// </summary>
public static partial class FiscalPeriodText
{
    [GeneratedRegex(@"^(?<from>\d{1,2})月(?:[～〜~\-ー－](?<to>\d{1,2})月)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthRange();

    public static string WithFiscalYear(string period, int fiscalYear)
    {
        var match = MonthRange().Match(period.Trim());
        if (!match.Success)
        {
            return period;
        }

        var from = int.Parse(match.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (!ReportingCycle.IsMonth(from))
        {
            return period;
        }

        var fromText = ReportingCycle.MonthOf(fiscalYear, from).ReiwaText;
        if (!match.Groups["to"].Success)
        {
            return $"{period}（{fromText}）";
        }

        var to = int.Parse(match.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return ReportingCycle.IsMonth(to) ? $"{period}（{fromText}～{ReportingCycle.MonthOf(fiscalYear, to).ReiwaText}）" : period;
    }
}

namespace UedaPublicGoals.Reporting;

public enum ReportKind
{
    /// <summary>中間報告</summary>
    Midterm,

    /// <summary>期末報告</summary>
    Final,
}

/// <summary>A calendar month, e.g. 2024年10月.</summary>
public readonly record struct YearMonth(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The first day after this month: from then on, something due in it is overdue.</summary>
    public DateOnly FirstDayAfter => FirstDay.AddMonths(1);

    public string Text => $"{Year}年{Month}月";

    /// <summary>令和7年3月; 令和元年 for 2019.</summary>
    public string ReiwaText => $"{JapaneseEra.Reiwa(Year)}{Month}月";

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;
}

public static class JapaneseEra
{
    /// <summary>令和6年 for 2024, 令和元年 for 2019; western years before Reiwa stay western.</summary>
    public static string Reiwa(int year) => year switch
    {
        2019 => "令和元年",
        > 2019 => $"令和{year - 2018}年",
        _ => $"{year}年",
    };
}

/// <summary>
/// A fiscal year's reporting cycle: 目標設定 (April) → 中間報告 → 期末報告, with the month each
/// report is due to be published. Ueda's default: 中間報告 in October, 期末報告 in March.
/// </summary>
public sealed record ReportingCycle(int FiscalYear, int MidtermMonth, int FinalMonth)
{
    public const int DefaultMidtermMonth = 10;
    public const int DefaultFinalMonth = 3;

    public static bool IsMonth(int month) => month is >= 1 and <= 12;

    /// <summary>The calendar year of a month of a fiscal year (April to March): 3月 of 2024年度 is 2025年3月.</summary>
    public static YearMonth MonthOf(int fiscalYear, int month) => new(month >= 4 ? fiscalYear : fiscalYear + 1, month);

    /// <summary>目標設定: the fiscal year starts in April.</summary>
    public YearMonth Start => new(FiscalYear, 4);

    public YearMonth Due(ReportKind kind) => MonthOf(FiscalYear, kind == ReportKind.Midterm ? MidtermMonth : FinalMonth);
}

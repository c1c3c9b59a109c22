using System.ComponentModel.DataAnnotations;
using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Backoffice.Structure;

public sealed class DepartmentForm
{
    [Display(Name = "部局名")]
    [Required(ErrorMessage = "部局名を入力してください。")]
    [StringLength(200, ErrorMessage = "部局名は200文字以内にしてください。")]
    public string Name { get; set; } = "";

    [Display(Name = "スラッグ（URLに使う英数字）")]
    [Required(ErrorMessage = "スラッグを入力してください（例：seisaku-kikaku）。")]
    [StringLength(80, ErrorMessage = "スラッグは80文字以内にしてください。")]
    [RegularExpression(SlugRule.Pattern, ErrorMessage = "スラッグは半角の小文字英字・数字と、間をつなぐハイフン（-）だけで入力してください（例：seisaku-kikaku）。")]
    public string Slug { get; set; } = "";
}

/// <summary>
/// A fiscal year as staff enter it: the 西暦 year decides the rest. The slug is derived (r{令和の年}) and a
/// posted slug is ignored; the heading is free text, but a 和暦 or 西暦 year in it must be this year's.
/// </summary>
public sealed class FiscalYearForm
{
    [Display(Name = "年度（西暦）")]
    [Required(ErrorMessage = "年度を西暦で入力してください（令和6年度なら2024）。")]
    [Range(JapaneseFiscalYear.FirstReiwaYear, 2100, ErrorMessage = "年度は2019（令和元年度）から2100までの西暦で入力してください（令和6年度なら2024）。")]
    public int? Year { get; set; }

    /// <summary>Derived from <see cref="Year"/>, never bound: the three cannot disagree.</summary>
    [Display(Name = "スラッグ（URLに使う英数字）")]
    public string Slug => Year is { } year ? JapaneseFiscalYear.Slug(year) : "";

    /// <summary>令和7年度 for 2025: how the public site names the year.</summary>
    public string Label => Year is { } year ? JapaneseFiscalYear.Label(year) : "";

    [Display(Name = "見出し")]
    [Required(ErrorMessage = "見出しを入力してください（例：令和6年度 重点目標）。")]
    [StringLength(200, ErrorMessage = "見出しは200文字以内にしてください。")]
    public string Heading { get; set; } = "";

    [Display(Name = "中間報告の公開予定月")]
    [Required(ErrorMessage = "中間報告の公開予定月を1から12の数字で入力してください（例：10）。")]
    [RegularExpression(StructureRules.MonthPattern, ErrorMessage = "中間報告の公開予定月は1から12までの数字で入力してください（例：10）。")]
    public string MidtermReportMonth { get; set; } = Reporting.ReportingCycle.DefaultMidtermMonth.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Display(Name = "期末報告の公開予定月")]
    [Required(ErrorMessage = "期末報告の公開予定月を1から12の数字で入力してください（例：3）。")]
    [RegularExpression(StructureRules.MonthPattern, ErrorMessage = "期末報告の公開予定月は1から12までの数字で入力してください（例：3）。")]
    public string FinalReportMonth { get; set; } = Reporting.ReportingCycle.DefaultFinalMonth.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The months as numbers; call only when the form is valid.</summary>
    public (int Midterm, int Final) ReportMonths() =>
        (int.Parse(MidtermReportMonth.Trim(), System.Globalization.CultureInfo.InvariantCulture), int.Parse(FinalReportMonth.Trim(), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Form defaults for the year after <paramref name="latest"/> (or the current fiscal year).</summary>
    public static FiscalYearForm Suggest(int year) => new()
    {
        Year = year,
        Heading = $"{JapaneseFiscalYear.Label(year)} 重点目標",
    };

    /// <summary>The first year named in the heading (令和8年度, 令和元年度, 2026年度) that is not <see cref="Year"/>, or null.</summary>
    public string? OtherYearInHeading()
    {
        if (Year is not { } year)
        {
            return null;
        }

        foreach (System.Text.RegularExpressions.Match match in StructureRules.YearInHeading().Matches(Heading.Normalize(System.Text.NormalizationForm.FormKC)))
        {
            var number = match.Groups["reiwa"].Success
                ? (match.Groups["reiwa"].Value == "元" ? 1 : int.Parse(match.Groups["reiwa"].Value, System.Globalization.CultureInfo.InvariantCulture)) + 2018
                : int.Parse(match.Groups["western"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (number != year)
            {
                return match.Value;
            }
        }

        return null;
    }
}

public static partial class StructureRules
{
    /// <summary>令和8年度, 令和 元 年度, 2026年度 (after NFKC, so full-width digits count too).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"令和\s*(?<reiwa>元|\d{1,3})\s*年度?|(?<western>\d{4})\s*年度")]
    public static partial System.Text.RegularExpressions.Regex YearInHeading();

    /// <summary>A month, 1 to 12 (spaces around allowed).</summary>
    public const string MonthPattern = @"^\s*(0?[1-9]|1[0-2])\s*$";
}

using System.ComponentModel.DataAnnotations;

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

public sealed class FiscalYearForm
{
    [Display(Name = "年度（西暦）")]
    [Required(ErrorMessage = "年度を西暦で入力してください（令和6年度なら2024）。")]
    [Range(2000, 2100, ErrorMessage = "年度は2000から2100までの西暦で入力してください（令和6年度なら2024）。")]
    public int? Year { get; set; }

    [Display(Name = "スラッグ（URLに使う英数字）")]
    [Required(ErrorMessage = "スラッグを入力してください（例：r6）。")]
    [StringLength(20, ErrorMessage = "スラッグは20文字以内にしてください。")]
    [RegularExpression(SlugRule.Pattern, ErrorMessage = "スラッグは半角の小文字英字・数字とハイフン（-）だけで入力してください（例：r6）。")]
    public string Slug { get; set; } = "";

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
        Slug = $"r{year - 2018}",
        Heading = $"令和{year - 2018}年度 重点目標",
    };
}

public static class StructureRules
{
    /// <summary>A month, 1 to 12 (spaces around allowed).</summary>
    public const string MonthPattern = @"^\s*(0?[1-9]|1[0-2])\s*$";
}

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
    [RegularExpression(StructureRules.SlugPattern, ErrorMessage = "スラッグは半角の小文字英字・数字と、間をつなぐハイフン（-）だけで入力してください（例：seisaku-kikaku）。")]
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
    [RegularExpression(StructureRules.SlugPattern, ErrorMessage = "スラッグは半角の小文字英字・数字とハイフン（-）だけで入力してください（例：r6）。")]
    public string Slug { get; set; } = "";

    [Display(Name = "見出し")]
    [Required(ErrorMessage = "見出しを入力してください（例：令和6年度 重点目標）。")]
    [StringLength(200, ErrorMessage = "見出しは200文字以内にしてください。")]
    public string Heading { get; set; } = "";

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
    /// <summary>The same shape the public routes accept (see SlugRouteConstraint).</summary>
    public const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>First path segments the site itself uses: a department with one of these slugs could never be reached.</summary>
    public static readonly IReadOnlySet<string> ReservedDepartmentSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "backoffice", "pages", "media", "error", "api", "search", "feedback", "css", "js", "lib", "img", "images", "assets", "account", "admin", "bench", "yogo",
    };
}

using System.Text.RegularExpressions;

namespace UedaPublicGoals.Kernel;

/// <summary>
/// The one shape of every slug in a URL (departments, years, goals, pages, consultations):
/// lower-case ASCII letters and digits, joined by single hyphens, at most 80 characters.
/// Routes, forms, the seed reader and the feedback module's admin all check this same rule.
/// </summary>
public static partial class SlugRule
{
    /// <summary>For [RegularExpression] on form fields; <see cref="IsValid"/> everywhere else.</summary>
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public const int MaxLength = 80;

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Regex();

    public static bool IsValid(string? text) => text is { Length: > 0 and <= MaxLength } && Regex().IsMatch(text);
}

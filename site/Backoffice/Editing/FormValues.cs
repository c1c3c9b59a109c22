using System.Globalization;
using System.Text;

namespace UedaPublicGoals.Backoffice.Editing;

/// <summary>
/// Reads what people type. Numbers and dates are bound as text so that a wrong value is shown
/// back exactly as typed; these helpers decide whether the text is a valid value.
/// </summary>
public static class FormValues
{
    /// <summary>Limits on what an editor may enter; the public pages are designed for text of these sizes.</summary>
    public const int TitleLength = 200;
    public const int LineLength = 200;
    public const int TextLength = 4000;
    public const int UnitLength = 20;
    public const int SlugLength = SlugRule.MaxLength;
    public const int NoteLength = 2000;
    public const int ChangeNoteLength = 200;

    /// <summary>
    /// Single-line text: full-width ASCII is not touched (it may be intended), surrounding
    /// whitespace is dropped, empty becomes null.
    /// </summary>
    public static string? Line(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// Multi-line text (Markdown). Browsers send CRLF; the stored text uses LF so that an unchanged
    /// field compares equal to what was loaded. Leading spaces of the first line are kept (Markdown
    /// indentation), trailing whitespace and blank lines around the text are dropped.
    /// </summary>
    public static string? Text(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.ReplaceLineEndings("\n").TrimEnd();
        while (text.StartsWith('\n'))
        {
            text = text[1..];
        }

        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>
    /// A decimal number as people type it in Japan: full-width digits, thousands separators
    /// (15,200 or 15，200) and surrounding spaces are accepted.
    /// </summary>
    public static bool TryNumber(string? value, out decimal number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var ascii = value.Normalize(NormalizationForm.FormKC).Trim().Replace(",", "", StringComparison.Ordinal);
        if (ascii.Length is 0 or > 20)
        {
            return false;
        }

        return decimal.TryParse(ascii, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && Math.Abs(number) < 1_000_000_000_000m;
    }

    public static bool TryWholeNumber(string? value, out int number)
    {
        number = 0;
        if (!TryNumber(value, out var parsed) || parsed != decimal.Truncate(parsed) || parsed < int.MinValue || parsed > int.MaxValue)
        {
            return false;
        }

        number = (int)parsed;
        return true;
    }

    /// <summary>A date as an &lt;input type="date"&gt; sends it (yyyy-MM-dd); also 2024/10/01 typed by hand.</summary>
    public static bool TryDate(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var ascii = value.Normalize(NormalizationForm.FormKC).Trim();
        return DateOnly.TryParseExact(ascii, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Number(decimal? value) => value is { } number ? Number(number) : "";

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? value) => value is { } date ? Date(date) : "";
}

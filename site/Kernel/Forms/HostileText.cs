using System.Text;

namespace UedaPublicGoals.Feedback.Forms;

/// <summary>
/// Characters no form field or query value may carry into the application: lone surrogates,
/// Unicode noncharacters (U+FDD0–U+FDEF and every U+xFFFE / U+xFFFF), C0 controls other than tab,
/// line feed and carriage return, DEL, and C1 controls. They are removed (not rejected) at the input
/// boundary: nobody types them on purpose, and once stored they break XML (.xlsx, SVG), CSV readers and
/// mail headers. Exports also clean on output, for rows stored before the boundary existed.
/// </summary>
public static class HostileText
{
    public static bool IsClean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (IsRemovedAt(value, i, out var width))
            {
                return false;
            }

            i += width - 1;
        }

        return true;
    }

    /// <summary><paramref name="value"/> without the removed characters (the same instance when it has none).</summary>
    public static string Clean(string value)
    {
        if (IsClean(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsRemovedAt(value, i, out var width))
            {
                builder.Append(value, i, width);
            }

            i += width - 1;
        }

        return builder.ToString();
    }

    public static string? CleanOrNull(string? value) => value is null ? null : Clean(value);

    /// <summary>Whether the character (or surrogate pair) at <paramref name="index"/> is removed; <paramref name="width"/> is 1 or 2.</summary>
    private static bool IsRemovedAt(string value, int index, out int width)
    {
        var c = value[index];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                width = 2;
                return IsNoncharacter(char.ConvertToUtf32(c, value[index + 1]));
            }

            return true; // lone high surrogate
        }

        if (char.IsLowSurrogate(c))
        {
            return true; // lone low surrogate
        }

        return c switch
        {
            '\t' or '\n' or '\r' => false,
            < ' ' => true, // C0
            >= '\u007f' and <= '\u009f' => true, // DEL and C1
            _ => IsNoncharacter(c),
        };
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}

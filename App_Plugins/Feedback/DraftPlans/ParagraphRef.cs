using System.Globalization;
using System.Text.RegularExpressions;

namespace UedaPublicGoals.Feedback.DraftPlans;

/// <summary>
/// Where a paragraph sits in a draft: chapter (# heading), section (## heading) and its number
/// within that section. Chapter 0 is the text before the first chapter (前文), section 0 the text of
/// a chapter before its first section. The same text in the same place always gets the same ref,
/// so a reference stays meaningful for the version it was made on.
/// </summary>
public readonly partial record struct ParagraphRef(int Chapter, int Section, int Number)
{
    public const int KeyMaxLength = 20;

    /// <summary>Stored and carried in URLs, e.g. 2-1-3.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Chapter}-{Section}-{Number}");

    /// <summary>The element id on the draft page, e.g. p2-1-3.</summary>
    public string Anchor => "p" + Key;

    /// <summary>How people cite it, e.g. 第2章 第1節 ¶3.</summary>
    public string Label
    {
        get
        {
            var chapter = Chapter == 0 ? "前文" : $"第{Chapter}章";
            var section = Section == 0 ? "" : $" 第{Section}節";
            return $"{chapter}{section} ¶{Number}";
        }
    }

    public static bool TryParse(string? key, out ParagraphRef value)
    {
        value = default;
        var match = key is null || key.Length > KeyMaxLength ? Match.Empty : KeyPattern().Match(key);
        if (!match.Success
            || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var chapter)
            || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var section)
            || !int.TryParse(match.Groups[3].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number == 0)
        {
            return false;
        }

        value = new ParagraphRef(chapter, section, number);
        return true;
    }

    [GeneratedRegex("^([0-9]{1,4})-([0-9]{1,4})-([0-9]{1,5})$")]
    private static partial Regex KeyPattern();
}

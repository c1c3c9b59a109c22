namespace UedaPublicGoals.Japanese.Readings;

/// <summary>Character classes of Japanese text: what gets a reading, and kana conversions.</summary>
public static class KanaText
{
    /// <summary>
    /// Characters read like kanji: CJK ideographs, 々 〆 〇, and the small ヶ ヵ of 一ヶ月 / 三ヵ所
    /// (their reading is か or が, so they belong inside the ruby, not beside it).
    /// </summary>
    public static bool IsKanji(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '々' or '〆' or '〇' or 'ヶ' or 'ヵ';

    public static bool ContainsKanji(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsKanji(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hiragana, katakana (full width) and the long-vowel mark ー.</summary>
    public static bool IsKana(char c) => c is >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FA' or 'ー' or 'ゝ' or 'ゞ' or 'ヽ' or 'ヾ';

    /// <summary>True when every character is kana (at least one); spaces and ・ are allowed between words.</summary>
    public static bool IsKanaOnly(string text)
    {
        var any = false;
        foreach (var c in text)
        {
            if (IsKana(c))
            {
                any = true;
            }
            else if (c is not (' ' or '　' or '・'))
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>Katakana to hiragana (ァ–ヶ → ぁ–ゖ); everything else unchanged, ー included.</summary>
    public static string ToHiragana(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u30A1', '\u30F6'))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c;
            }
        });
    }
}

using System.Globalization;
using System.Text;

namespace UedaPublicGoals.PlainJapanese;

/// <summary>Terms a reader may not know, answered by the glossary (用語集, Japanese/Glossary/GlossaryCatalog).</summary>
public interface IGlossaryTerms
{
    /// <summary>Words in <paramref name="text"/> that look like terms (katakana words, Latin abbreviations, long kanji compounds) and have no glossary entry.</summary>
    IReadOnlyList<string> UnexplainedTerms(string text);
}

/// <summary>Figures an author reads beside a やさしい日本語 field: how hard the text is to read.</summary>
public sealed record ReadabilityReport(
    int Characters,
    double KanjiRatio,
    int LongestSentence,
    string LongestKanjiRun,
    IReadOnlyList<string> UnexplainedTerms)
{
    // Common guidance for やさしい日本語: about 30 % kanji or less, sentences of about 30–40
    // characters, kanji compounds of 4 characters or fewer.
    public const double KanjiRatioGuide = 0.3;
    public const int SentenceGuide = 40;
    public const int KanjiRunGuide = 4;

    public IEnumerable<string> Advice()
    {
        if (KanjiRatio > KanjiRatioGuide)
        {
            yield return $"漢字の割合が {KanjiRatio:P0} です（目安は {KanjiRatioGuide:P0} 以下）。ひらがなにできる言葉はないか見直してください。";
        }

        if (LongestSentence > SentenceGuide)
        {
            yield return $"いちばん長い文が {LongestSentence} 文字です（目安は {SentenceGuide} 文字以下）。文を分けてください。";
        }

        if (LongestKanjiRun.Length > KanjiRunGuide)
        {
            yield return $"漢字が {LongestKanjiRun.Length} 文字続く「{LongestKanjiRun}」があります（目安は {KanjiRunGuide} 文字以下）。";
        }

        if (UnexplainedTerms.Count > 0)
        {
            yield return $"用語集にない言葉：{string.Join("、", UnexplainedTerms)}";
        }
    }
}

/// <summary>Measures kanji ratio, sentence length and kanji runs of Japanese text, and the terms the glossary does not explain.</summary>
public sealed class ReadabilityHints(IGlossaryTerms glossary)
{
    public ReadabilityReport? Measure(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var letters = 0;
        var kanji = 0;
        var run = new StringBuilder();
        var longestRun = "";
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune))
            {
                longestRun = Longer(longestRun, run);
                continue;
            }

            letters++;
            if (IsKanji(rune))
            {
                kanji++;
                run.Append(rune.ToString());
            }
            else
            {
                longestRun = Longer(longestRun, run);
            }
        }

        longestRun = Longer(longestRun, run);
        var longestSentence = text.Split(['。', '！', '？', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => new StringInfo(s.Trim()).LengthInTextElements)
            .DefaultIfEmpty(0)
            .Max();
        return new ReadabilityReport(
            letters,
            letters == 0 ? 0 : (double)kanji / letters,
            longestSentence,
            longestRun,
            glossary.UnexplainedTerms(text));
    }

    /// <summary>CJK unified ideographs (with extension A and compatibility) and 々.</summary>
    public static bool IsKanji(Rune rune) =>
        rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x2FA1F) or 0x3005;

    private static string Longer(string longest, StringBuilder run)
    {
        var current = run.ToString();
        run.Clear();
        return current.Length > longest.Length ? current : longest;
    }
}

public static class PlainJapaneseExtensions
{
    public static WebApplicationBuilder AddPlainJapanese(this WebApplicationBuilder builder)
    {
        // IGlossaryTerms comes from the glossary (Japanese/Glossary/GlossaryCatalog).
        builder.Services.AddSingleton<ReadabilityHints>();
        return builder;
    }
}

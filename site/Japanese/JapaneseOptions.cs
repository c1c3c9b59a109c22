using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Japanese;

/// <summary>Japanese text settings, bound from the "Japanese" section.</summary>
public sealed class JapaneseOptions
{
    public const string Section = "Japanese";

    /// <summary>MeCab dictionary folder; empty uses the system's (/etc/mecabrc: Debian's mecab-ipadic-utf8).</summary>
    public string? MeCabDictionaryPath { get; set; }

    /// <summary>Longer runs of text are shown without furigana rather than analysed (they are not prose a resident reads).</summary>
    [Range(100, 100_000)]
    public int MaxAnalysedLength { get; set; } = 4000;
}

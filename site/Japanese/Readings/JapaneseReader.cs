using Microsoft.Extensions.Options;
using UedaPublicGoals.Japanese.MeCab;

namespace UedaPublicGoals.Japanese.Readings;

/// <summary>
/// Readings of Japanese text from MeCab plus the staff's reading list. When MeCab is missing
/// the site still runs: <see cref="IsAvailable"/> is false, one line is logged, and the
/// furigana switch and kana search are simply not offered.
/// </summary>
public sealed class JapaneseReader : IDisposable
{
    private readonly MeCabTagger? tagger;
    private readonly int maxLength;
    private volatile ReadingOverrides overrides = ReadingOverrides.Empty;

    public JapaneseReader(IOptions<JapaneseOptions> options, ILogger<JapaneseReader> logger)
    {
        maxLength = options.Value.MaxAnalysedLength;
        try
        {
            tagger = MeCabTagger.Open(options.Value.MeCabDictionaryPath);
        }
        catch (MeCabUnavailableException ex)
        {
            logger.LogWarning("Furigana and kana search are off: {Reason}", ex.Message);
        }
    }

    public bool IsAvailable => tagger is not null;

    public ReadingOverrides Overrides => overrides;

    /// <summary>Raised after the reading list changed, so cached furigana and search readings are redone.</summary>
    public event Action? OverridesChanged;

    public void UseOverrides(ReadingOverrides replacement)
    {
        overrides = replacement;
        OverridesChanged?.Invoke();
    }

    /// <summary>
    /// The text as segments with readings over kanji runs, or null when it cannot be analysed
    /// (no MeCab, control characters, longer than the limit, or MeCab's tokens do not line up
    /// with the text): the caller then shows it without furigana.
    /// </summary>
    public IReadOnlyList<ReadingSegment>? Segments(string text)
    {
        if (tagger is null || text.Length > maxLength || HasControlCharacters(text))
        {
            return null;
        }

        var current = overrides;
        var segments = new List<ReadingSegment>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (current.Match(text, i) is { } listed)
            {
                if (!Analyse(text[plainStart..i], segments))
                {
                    return null;
                }

                segments.AddRange(OkuriganaSplitter.Split(listed.Surface, listed.Reading));
                i += listed.Surface.Length;
                plainStart = i;
            }
            else
            {
                i++;
            }
        }

        return Analyse(text[plainStart..], segments) ? segments : null;
    }

    /// <summary>The whole text in hiragana (kanji read, kana folded, the rest kept), for kana search; null when it cannot be analysed.</summary>
    public string? KanaReading(string text)
    {
        var segments = Segments(text);
        return segments is null ? null : KanaText.ToHiragana(string.Concat(segments.Select(s => s.Reading ?? s.Text)));
    }

    private bool Analyse(string text, List<ReadingSegment> segments)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (!KanaText.ContainsKanji(text))
        {
            segments.Add(new ReadingSegment(text, null));
            return true;
        }

        var position = 0;
        foreach (var token in tagger!.Parse(text))
        {
            // MeCab drops whitespace between morphemes; keep it as plain text so nothing is lost.
            var start = position;
            while (position < text.Length && char.IsWhiteSpace(text[position]) && !text.AsSpan(position).StartsWith(token.Surface, StringComparison.Ordinal))
            {
                position++;
            }

            if (string.CompareOrdinal(text, position, token.Surface, 0, token.Surface.Length) != 0)
            {
                return false;
            }

            if (position > start)
            {
                segments.Add(new ReadingSegment(text[start..position], null));
            }

            segments.AddRange(OkuriganaSplitter.Split(token.Surface, ContextualReading(text, position, token)));
            position += token.Surface.Length;
        }

        if (position < text.Length)
        {
            if (!string.IsNullOrWhiteSpace(text[position..]))
            {
                return false;
            }

            segments.Add(new ReadingSegment(text[position..], null));
        }

        return true;
    }

    /// <summary>
    /// The dictionary reads 月 alone as つき; after a number it is a month (3月 さんがつ).
    /// </summary>
    private static string? ContextualReading(string text, int position, MeCabToken token) =>
        token.Surface == "月" && position > 0 && (char.IsDigit(text[position - 1]) || "一二三四五六七八九十".Contains(text[position - 1]))
            ? "ガツ"
            : token.Reading;

    private static bool HasControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => tagger?.Dispose();
}

using System.Collections.Concurrent;
using System.Text;
using UedaPublicGoals.Japanese.Readings;

namespace UedaPublicGoals.Japanese.Furigana;

/// <summary>
/// Text to HTML with &lt;ruby&gt; over its kanji. Results are kept per text until the next
/// publish or reading-list change, so MeCab runs once per published text, not per request.
/// </summary>
public sealed class FuriganaRenderer(JapaneseReader reader)
{
    /// <summary>Bounds memory whatever passes through (e.g. comments shown back on the confirmation page).</summary>
    private const int MaxCachedTexts = 20_000;

    private ConcurrentDictionary<string, string> cache = new(StringComparer.Ordinal);

    public bool IsAvailable => reader.IsAvailable;

    /// <summary>Appends <paramref name="text"/> as HTML, with ruby where it can be analysed, plain (encoded) where not.</summary>
    public void AppendRuby(StringBuilder output, string text)
    {
        if (!reader.IsAvailable || !KanaText.ContainsKanji(text))
        {
            HtmlTextRewriter.AppendEncoded(output, text);
            return;
        }

        var current = cache;
        if (!current.TryGetValue(text, out var html))
        {
            html = Render(text);
            if (current.Count >= MaxCachedTexts)
            {
                current.Clear();
            }

            current[text] = html;
        }

        output.Append(html);
    }

    /// <summary>Forgets every cached reading (after a publish or a reading-list change).</summary>
    public void Clear() => cache = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

    private string Render(string text)
    {
        var output = new StringBuilder(text.Length * 3);
        var segments = reader.Segments(text);
        if (segments is null)
        {
            HtmlTextRewriter.AppendEncoded(output, text);
            return output.ToString();
        }

        foreach (var segment in segments)
        {
            if (segment.Reading is { } reading && KanaText.ContainsKanji(segment.Text))
            {
                output.Append("<ruby>");
                HtmlTextRewriter.AppendEncoded(output, segment.Text);
                output.Append("<rt>");
                HtmlTextRewriter.AppendEncoded(output, reading);
                output.Append("</rt></ruby>");
            }
            else
            {
                HtmlTextRewriter.AppendEncoded(output, segment.Text);
            }
        }

        return output.ToString();
    }
}

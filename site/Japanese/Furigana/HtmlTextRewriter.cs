using System.Net;
using System.Text;

namespace UedaPublicGoals.Japanese.Furigana;

/// <summary>Where a text node sits, as far as the page rewriters care.</summary>
/// <param name="InLink">Inside a link or another interactive element (button, summary, label).</param>
public readonly record struct TextNodeContext(bool InMain, bool InLink, bool InHeading);

/// <summary>
/// Walks a rendered HTML document and lets a callback replace text nodes, copying everything
/// else byte for byte: tags and attributes, comments, and the content of elements whose text
/// must not change (script, style, textarea, title, code, pre-existing ruby, option, svg…).
/// A small scanner, not a parser: it is fed the site's own well-formed Razor output.
/// </summary>
public static class HtmlTextRewriter
{
    /// <summary>A glossary link inside any of these would nest one interactive control in another (axe: nested-interactive).</summary>
    private static readonly HashSet<string> Interactive = new(StringComparer.OrdinalIgnoreCase) { "a", "button", "summary", "label" };

    /// <summary>Elements whose raw content runs to their end tag, with no tags inside.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title" };

    /// <summary>Elements whose text is left alone: code, readings already given, form values, graphics.</summary>
    private static readonly HashSet<string> Untouched = new(StringComparer.OrdinalIgnoreCase) { "code", "kbd", "samp", "ruby", "rt", "rp", "option", "select", "svg", "math", "template", "noscript" };

    private static readonly HashSet<string> Headings = new(StringComparer.OrdinalIgnoreCase) { "h1", "h2", "h3", "h4", "h5", "h6" };

    /// <summary>
    /// Returns the document with each text node passed to <paramref name="replace"/> (decoded);
    /// a null answer keeps the node exactly as it was, otherwise the answer is inserted as HTML.
    /// </summary>
    public static string Rewrite(string html, Func<string, TextNodeContext, string?> replace)
    {
        var output = new StringBuilder(html.Length + (html.Length / 4));
        int untouched = 0, links = 0, headings = 0, main = 0;
        var i = 0;
        var textStart = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }

            var tagEnd = TagEnd(html, lt);
            if (tagEnd < 0)
            {
                // A '<' that starts no tag is text.
                i = lt + 1;
                continue;
            }

            FlushText(lt);
            var tag = html.AsSpan(lt, tagEnd - lt);
            output.Append(tag);
            i = tagEnd;
            textStart = i;

            var (name, closing) = TagName(tag);
            if (name.Length == 0)
            {
                continue;
            }

            if (!closing && RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var end = close < 0 ? html.Length : close;
                output.Append(html.AsSpan(i, end - i));
                i = textStart = end;
                continue;
            }

            var step = closing ? -1 : tag.EndsWith("/>") ? 0 : 1;
            if (Untouched.Contains(name))
            {
                untouched = Math.Max(0, untouched + step);
            }
            else if (Interactive.Contains(name))
            {
                links = Math.Max(0, links + step);
            }
            else if (Headings.Contains(name))
            {
                headings = Math.Max(0, headings + step);
            }
            else if (name.Equals("main", StringComparison.OrdinalIgnoreCase))
            {
                main = Math.Max(0, main + step);
            }
        }

        FlushText(html.Length);
        return output.ToString();

        void FlushText(int end)
        {
            if (end <= textStart)
            {
                return;
            }

            var raw = html.AsSpan(textStart, end - textStart);
            string? replaced = null;
            if (untouched == 0 && !raw.IsWhiteSpace())
            {
                replaced = replace(WebUtility.HtmlDecode(raw.ToString()), new TextNodeContext(main > 0, links > 0, headings > 0));
            }

            if (replaced is null)
            {
                output.Append(raw);
            }
            else
            {
                output.Append(replaced);
            }

            textStart = end;
        }
    }

    /// <summary>Encodes text for an HTML text node (the characters that matter there: &amp; &lt; &gt;).</summary>
    public static void AppendEncoded(StringBuilder output, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                _ => output.Append(c),
            };
        }
    }

    /// <summary>Index just after the markup starting at <paramref name="lt"/>, or -1 when it is not markup.</summary>
    private static int TagEnd(string html, int lt)
    {
        if (lt + 1 >= html.Length)
        {
            return -1;
        }

        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        var next = html[lt + 1];
        if (next is '!' or '?')
        {
            var end = html.IndexOf('>', lt);
            return end < 0 ? html.Length : end + 1;
        }

        var nameStart = next == '/' ? lt + 2 : lt + 1;
        if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
        {
            return -1;
        }

        // Attribute values may hold '>': skip quoted runs.
        char quote = '\0';
        for (var j = nameStart; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }
        }

        return html.Length;
    }

    private static (string Name, bool Closing) TagName(ReadOnlySpan<char> tag)
    {
        if (tag.Length < 2 || tag[1] is '!' or '?')
        {
            return ("", false);
        }

        var closing = tag[1] == '/';
        var start = closing ? 2 : 1;
        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-'))
        {
            end++;
        }

        return (tag[start..end].ToString(), closing);
    }
}

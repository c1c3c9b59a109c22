using System.Text;
using UedaPublicGoals.Japanese.Furigana;
using UedaPublicGoals.Japanese.Glossary;
using UedaPublicGoals.Japanese.Readings;

namespace UedaPublicGoals.Japanese;

/// <summary>
/// The one pass over a rendered public page: marks the first occurrence of each glossary term
/// in the main content (never inside links or headings) and, in the furigana variant, puts
/// ruby over every kanji outside code, form values and scripts.
/// </summary>
public sealed class PublicPageRewriter(GlossaryCatalog glossary, FuriganaRenderer furigana)
{
    public string Rewrite(string html, bool withFurigana, bool markTerms)
    {
        var marked = new HashSet<int>();
        return HtmlTextRewriter.Rewrite(html, (text, where) =>
        {
            var pieces = markTerms && where.InMain && !where.InLink && !where.InHeading ? glossary.Mark(text, marked) : null;
            if (pieces is null && !(withFurigana && furigana.IsAvailable && KanaText.ContainsKanji(text)))
            {
                return null;
            }

            // One span keeps the node one box: in a flex container (a title with its number badge)
            // each bare ruby would otherwise become its own flex item, and the line would never wrap.
            var output = new StringBuilder(text.Length * 2).Append("<span>");
            foreach (var piece in pieces ?? [new GlossaryPiece(text, null)])
            {
                if (piece.Entry is { } entry)
                {
                    output.Append("<a class=\"glossary-term\" href=\"").Append(entry.Url).Append("\">");
                }

                if (withFurigana)
                {
                    furigana.AppendRuby(output, piece.Text);
                }
                else
                {
                    HtmlTextRewriter.AppendEncoded(output, piece.Text);
                }

                if (piece.Entry is not null)
                {
                    output.Append("</a>");
                }
            }

            return output.Append("</span>").ToString();
        });
    }
}

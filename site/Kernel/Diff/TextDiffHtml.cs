using Microsoft.AspNetCore.Html;

namespace UedaPublicGoals.Kernel.Diff;

/// <summary>Renders a <see cref="TextDiff"/> as HTML: text encoded, removals in &lt;del&gt;, additions in &lt;ins&gt;.</summary>
public static class TextDiffHtml
{
    /// <summary>The old text with its removed parts marked.</summary>
    public static IHtmlContent Before(IReadOnlyList<TextSegment> segments) => Render(TextDiff.BeforeSide(segments));

    /// <summary>The new text with its added parts marked.</summary>
    public static IHtmlContent After(IReadOnlyList<TextSegment> segments) => Render(TextDiff.AfterSide(segments));

    /// <summary>Both in one run of text: each removal followed by what replaced it.</summary>
    public static IHtmlContent Inline(IReadOnlyList<TextSegment> segments) => Render(segments);

    private static HtmlContentBuilder Render(IEnumerable<TextSegment> segments)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            var tag = segment.Kind switch
            {
                TextSegmentKind.Removed => "del",
                TextSegmentKind.Added => "ins",
                _ => null,
            };
            if (tag is null)
            {
                html.Append(segment.Text);
            }
            else
            {
                html.AppendHtml($"<{tag}>").Append(segment.Text).AppendHtml($"</{tag}>");
            }
        }

        return html;
    }
}

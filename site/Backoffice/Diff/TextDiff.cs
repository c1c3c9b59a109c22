using System.Text;

namespace UedaPublicGoals.Backoffice.Diff;

public enum TextSegmentKind
{
    Same,
    Removed,
    Added,
}

public sealed record TextSegment(TextSegmentKind Kind, string Text);

/// <summary>
/// Character-level difference of two texts, for highlighting what changed inside a long
/// field. Characters, not words: Japanese has no spaces to split on. Both full texts are
/// always shown as well, so the highlight is a visual aid and never the only information.
/// </summary>
public static class TextDiff
{
    /// <summary>Above this many comparison cells the changed middle is shown as one replacement.</summary>
    private const long MaxCells = 1_000_000;

    /// <summary>Equal runs shorter than this between two changes are folded into them, so a rewritten sentence reads as one change rather than confetti.</summary>
    private const int MinEqualRun = 3;

    public static IReadOnlyList<TextSegment> Compare(string before, string after)
    {
        // Runes, not chars, so an emoji's surrogate pair is never split between two segments.
        var a = before.EnumerateRunes().ToArray();
        var b = after.EnumerateRunes().ToArray();

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var oldMiddle = a[prefix..^suffix];
        var newMiddle = b[prefix..^suffix];
        var operations = new List<(TextSegmentKind Kind, Rune Rune)>();
        operations.AddRange(a[..prefix].Select(r => (TextSegmentKind.Same, r)));
        if ((long)oldMiddle.Length * newMiddle.Length <= MaxCells)
        {
            operations.AddRange(Lcs(oldMiddle, newMiddle));
        }
        else
        {
            operations.AddRange(oldMiddle.Select(r => (TextSegmentKind.Removed, r)));
            operations.AddRange(newMiddle.Select(r => (TextSegmentKind.Added, r)));
        }

        operations.AddRange(a[^suffix..].Select(r => (TextSegmentKind.Same, r)));
        return Fold(Group(operations));
    }

    private static List<(TextSegmentKind, Rune)> Lcs(Rune[] a, Rune[] b)
    {
        // lengths[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var operations = new List<(TextSegmentKind, Rune)>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                operations.Add((TextSegmentKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                operations.Add((TextSegmentKind.Removed, a[x++]));
            }
            else
            {
                operations.Add((TextSegmentKind.Added, b[y++]));
            }
        }

        operations.AddRange(a[x..].Select(r => (TextSegmentKind.Removed, r)));
        operations.AddRange(b[y..].Select(r => (TextSegmentKind.Added, r)));
        return operations;
    }

    private static List<TextSegment> Group(List<(TextSegmentKind Kind, Rune Rune)> operations)
    {
        var segments = new List<TextSegment>();
        var text = new StringBuilder();
        for (var i = 0; i < operations.Count; i++)
        {
            text.Append(operations[i].Rune.ToString());
            if (i == operations.Count - 1 || operations[i + 1].Kind != operations[i].Kind)
            {
                segments.Add(new TextSegment(operations[i].Kind, text.ToString()));
                text.Clear();
            }
        }

        return segments;
    }

    /// <summary>Folds short equal runs that sit between changes into a removal plus an addition.</summary>
    private static List<TextSegment> Fold(List<TextSegment> segments)
    {
        var result = new List<TextSegment>();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var between = i > 0 && i < segments.Count - 1;
            if (segment.Kind == TextSegmentKind.Same && between && segment.Text.Length < MinEqualRun)
            {
                Add(result, TextSegmentKind.Removed, segment.Text);
                Add(result, TextSegmentKind.Added, segment.Text);
            }
            else
            {
                Add(result, segment.Kind, segment.Text);
            }
        }

        // Bring each run of changes into "all removed, then all added" order.
        var ordered = new List<TextSegment>();
        var removed = new StringBuilder();
        var added = new StringBuilder();
        void Flush()
        {
            Add(ordered, TextSegmentKind.Removed, removed.ToString());
            Add(ordered, TextSegmentKind.Added, added.ToString());
            removed.Clear();
            added.Clear();
        }

        foreach (var segment in result)
        {
            switch (segment.Kind)
            {
                case TextSegmentKind.Removed:
                    removed.Append(segment.Text);
                    break;
                case TextSegmentKind.Added:
                    added.Append(segment.Text);
                    break;
                default:
                    Flush();
                    Add(ordered, TextSegmentKind.Same, segment.Text);
                    break;
            }
        }

        Flush();
        return ordered;
    }

    /// <summary>Appends, merging with the previous segment of the same kind; empty text is dropped.</summary>
    private static void Add(List<TextSegment> segments, TextSegmentKind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            return;
        }

        segments.Add(new TextSegment(kind, text));
    }

    /// <summary>The old text with its removed parts marked.</summary>
    public static IEnumerable<TextSegment> BeforeSide(IReadOnlyList<TextSegment> segments) => segments.Where(s => s.Kind != TextSegmentKind.Added);

    /// <summary>The new text with its added parts marked.</summary>
    public static IEnumerable<TextSegment> AfterSide(IReadOnlyList<TextSegment> segments) => segments.Where(s => s.Kind != TextSegmentKind.Removed);
}

/// <summary>Renders one side of a <see cref="TextDiff"/> as HTML: text encoded, changes wrapped in &lt;del&gt; or &lt;ins&gt;.</summary>
public static class TextDiffHtml
{
    public static Microsoft.AspNetCore.Html.IHtmlContent Before(IReadOnlyList<TextSegment> segments) => Render(TextDiff.BeforeSide(segments), TextSegmentKind.Removed, "del");

    public static Microsoft.AspNetCore.Html.IHtmlContent After(IReadOnlyList<TextSegment> segments) => Render(TextDiff.AfterSide(segments), TextSegmentKind.Added, "ins");

    private static Microsoft.AspNetCore.Html.IHtmlContent Render(IEnumerable<TextSegment> segments, TextSegmentKind marked, string tag)
    {
        var html = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        foreach (var segment in segments)
        {
            if (segment.Kind == marked)
            {
                html.AppendHtml($"<{tag}>").Append(segment.Text).AppendHtml($"</{tag}>");
            }
            else
            {
                html.Append(segment.Text);
            }
        }

        return html;
    }
}

using System.Globalization;
using System.Text;

namespace UedaPublicGoals.Kernel.Diff;

public enum TextSegmentKind
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of text both versions share, or that only the old (removed) or the new (added) one has.</summary>
public sealed record TextSegment(TextSegmentKind Kind, string Text);

/// <summary>
/// The one character-level difference of two texts: a changed field in the backoffice history and
/// a changed paragraph of a draft plan. Characters, not words: Japanese has no spaces to split on.
/// A character is a text element, so an emoji, a surrogate pair or a kana with a combining mark
/// is never split between two segments.
/// </summary>
public static class TextDiff
{
    /// <summary>
    /// Above this many comparison cells (after the common start and end are set aside) the changed
    /// middle is shown as one replacement: 4M cells is about 16 MB and a few tens of milliseconds,
    /// two 2,000-character paragraphs rewritten throughout.
    /// </summary>
    public const long MaxCells = 4_000_000;

    /// <summary>Equal runs shorter than this between two changes are folded into them, so a rewritten sentence reads as one change rather than confetti.</summary>
    private const int MinEqualRun = 3;

    public static IReadOnlyList<TextSegment> Compare(string before, string after)
    {
        var (a, b) = (TextElements(before), TextElements(after));
        var operations = new List<(TextSegmentKind Kind, string Element)>(a.Count + b.Count);
        int i = 0, j = 0;
        foreach (var (oldIndex, newIndex) in Align(a, b).Append((a.Count, b.Count)))
        {
            operations.AddRange(a[i..oldIndex].Select(e => (TextSegmentKind.Removed, e)));
            operations.AddRange(b[j..newIndex].Select(e => (TextSegmentKind.Added, e)));
            if (oldIndex < a.Count)
            {
                operations.Add((TextSegmentKind.Same, a[oldIndex]));
            }

            (i, j) = (oldIndex + 1, newIndex + 1);
        }

        return Fold(Group(operations));
    }

    /// <summary>The share of their characters two texts have in common, from 0 (nothing) to 1 (the same text).</summary>
    public static double Similarity(string a, string b)
    {
        var (x, y) = (TextElements(a), TextElements(b));
        return x.Count + y.Count == 0 ? 1 : 2.0 * Align(x, y).Count / (x.Count + y.Count);
    }

    /// <summary>The old text with its removed parts marked.</summary>
    public static IEnumerable<TextSegment> BeforeSide(IReadOnlyList<TextSegment> segments) => segments.Where(s => s.Kind != TextSegmentKind.Added);

    /// <summary>The new text with its added parts marked.</summary>
    public static IEnumerable<TextSegment> AfterSide(IReadOnlyList<TextSegment> segments) => segments.Where(s => s.Kind != TextSegmentKind.Removed);

    /// <summary>Lines the characters up; each distinct character becomes a number first, so the table compares integers, not strings.</summary>
    private static List<(int Old, int New)> Align(List<string> a, List<string> b)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Number(List<string> elements) =>
            elements.Select(e => numbers.TryGetValue(e, out var n) ? n : numbers[e] = numbers.Count).ToArray();

        return LongestCommonSubsequence.Pairs(Number(a), Number(b), EqualityComparer<int>.Default, MaxCells);
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }

    /// <summary>Joins consecutive characters of one kind into one segment.</summary>
    private static List<TextSegment> Group(List<(TextSegmentKind Kind, string Element)> operations)
    {
        var segments = new List<TextSegment>();
        var text = new StringBuilder();
        for (var i = 0; i < operations.Count; i++)
        {
            text.Append(operations[i].Element);
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
}

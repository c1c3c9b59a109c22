using System.Globalization;

namespace UedaPublicGoals.Feedback.DraftPlans;

public enum ParagraphChangeKind
{
    /// <summary>追加</summary>
    Added,
    /// <summary>削除</summary>
    Removed,
    /// <summary>修正</summary>
    Changed,
}

public enum TextPieceKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of characters the old and new text share, or that one of them alone has.</summary>
public sealed record TextPiece(TextPieceKind Kind, string Text);

/// <summary>One paragraph that differs between two versions; Pieces is the character-level diff of a changed one.</summary>
public sealed record ParagraphChange(ParagraphChangeKind Kind, DraftParagraph? Old, DraftParagraph? New, IReadOnlyList<TextPiece> Pieces);

/// <summary>
/// What changed between two versions of a draft. Paragraphs are lined up by their text (longest
/// common subsequence), so inserting a paragraph does not make every later one "changed" just
/// because its number moved; between two unchanged paragraphs, a removed and an added paragraph
/// sharing most of their characters are one changed paragraph, the rest are added or removed. A changed paragraph gets a diff by
/// character (Japanese has no spaces to split words on). The module cannot reach the site's
/// history diff, so this is its own small LCS.
/// </summary>
public static class DraftChanges
{
    /// <summary>Above this many cells of the character table a changed paragraph is shown as replaced whole.</summary>
    private const long MaxCharacterCells = 4_000_000;

    public static IReadOnlyList<ParagraphChange> Between(DraftOutline older, DraftOutline newer)
    {
        var oldParagraphs = older.Paragraphs.ToList();
        var newParagraphs = newer.Paragraphs.ToList();
        var oldTexts = oldParagraphs.Select(p => p.Markdown).ToList();
        var newTexts = newParagraphs.Select(p => p.Markdown).ToList();
        var common = Lcs.Pairs(oldTexts, newTexts, StringComparer.Ordinal);

        var changes = new List<ParagraphChange>();
        int i = 0, j = 0;
        foreach (var (oldIndex, newIndex) in common.Append((oldTexts.Count, newTexts.Count)))
        {
            var removed = oldParagraphs[i..oldIndex];
            var added = newParagraphs[j..newIndex];
            var partners = Partners(removed, added);
            for (var k = 0; k < added.Count; k++)
            {
                changes.Add(partners[k] is { } r
                    ? new ParagraphChange(ParagraphChangeKind.Changed, removed[r], added[k], Characters(removed[r].Markdown, added[k].Markdown))
                    : new ParagraphChange(ParagraphChangeKind.Added, null, added[k], [new TextPiece(TextPieceKind.Inserted, added[k].Markdown)]));
            }

            changes.AddRange(removed.Where((_, r) => !partners.Contains(r))
                .Select(p => new ParagraphChange(ParagraphChangeKind.Removed, p, null, [new TextPiece(TextPieceKind.Deleted, p.Markdown)])));
            (i, j) = (oldIndex + 1, newIndex + 1);
        }

        return changes;
    }

    /// <summary>
    /// For each added paragraph of a gap, the removed one it is a rewrite of (or null): in order, the
    /// most similar one left that shares at least <see cref="MinimumSimilarity"/> of its characters.
    /// </summary>
    private static int?[] Partners(List<DraftParagraph> removed, List<DraftParagraph> added)
    {
        var partners = new int?[added.Count];
        var next = 0;
        for (var k = 0; k < added.Count && next < removed.Count; k++)
        {
            var best = Enumerable.Range(next, removed.Count - next)
                .Select(r => (Index: r, Score: Similarity(removed[r].Markdown, added[k].Markdown)))
                .MaxBy(c => c.Score);
            if (best.Score >= MinimumSimilarity)
            {
                partners[k] = best.Index;
                next = best.Index + 1;
            }
        }

        return partners;
    }

    /// <summary>Below this share of common characters two paragraphs are different paragraphs, not a rewrite.</summary>
    private const double MinimumSimilarity = 0.5;

    private static double Similarity(string a, string b)
    {
        var (x, y) = (TextElements(a), TextElements(b));
        if ((long)x.Count * y.Count > MaxCharacterCells || x.Count + y.Count == 0)
        {
            return 0;
        }

        return 2.0 * Lcs.Pairs(x, y, StringComparer.Ordinal).Count / (x.Count + y.Count);
    }

    /// <summary>The character-level diff of two texts (by text element, so an emoji or a combined kana stays whole).</summary>
    public static IReadOnlyList<TextPiece> Characters(string older, string newer)
    {
        var a = TextElements(older);
        var b = TextElements(newer);
        if ((long)a.Count * b.Count > MaxCharacterCells)
        {
            return [new TextPiece(TextPieceKind.Deleted, older), new TextPiece(TextPieceKind.Inserted, newer)];
        }

        var pieces = new List<TextPiece>();
        void Add(TextPieceKind kind, IEnumerable<string> elements)
        {
            var text = string.Concat(elements);
            if (text.Length == 0)
            {
                return;
            }

            if (pieces.Count > 0 && pieces[^1].Kind == kind)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            }
            else
            {
                pieces.Add(new TextPiece(kind, text));
            }
        }

        int i = 0, j = 0;
        foreach (var (oldIndex, newIndex) in Lcs.Pairs(a, b, StringComparer.Ordinal).Append((a.Count, b.Count)))
        {
            Add(TextPieceKind.Deleted, a[i..oldIndex]);
            Add(TextPieceKind.Inserted, b[j..newIndex]);
            if (oldIndex < a.Count)
            {
                Add(TextPieceKind.Same, [a[oldIndex]]);
            }

            (i, j) = (oldIndex + 1, newIndex + 1);
        }

        return pieces;
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
}

/// <summary>Longest common subsequence of two lists, as the index pairs of the matched items in order.</summary>
internal static class Lcs
{
    public static List<(int Old, int New)> Pairs<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T> equal)
    {
        // lengths[i, j]: LCS length of a[i..] and b[j..]; walked forwards afterwards.
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = equal.Equals(a[i], b[j]) ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (equal.Equals(a[x], b[y]))
            {
                pairs.Add((x++, y++));
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return pairs;
    }
}

using UedaPublicGoals.Kernel.Diff;

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

/// <summary>One paragraph that differs between two versions; Pieces is the character-level diff of a changed one.</summary>
public sealed record ParagraphChange(ParagraphChangeKind Kind, DraftParagraph? Old, DraftParagraph? New, IReadOnlyList<TextSegment> Pieces);

/// <summary>
/// What changed between two versions of a draft. Paragraphs are lined up by their text (longest
/// common subsequence), so inserting a paragraph does not make every later one "changed" just
/// because its number moved; between two unchanged paragraphs, a removed and an added paragraph
/// sharing most of their characters are one changed paragraph, the rest are added or removed. A changed
/// paragraph gets the kernel's character diff (<see cref="TextDiff"/>), the one the backoffice history uses.
/// </summary>
public static class DraftChanges
{
    public static IReadOnlyList<ParagraphChange> Between(DraftOutline older, DraftOutline newer)
    {
        var oldParagraphs = older.Paragraphs.ToList();
        var newParagraphs = newer.Paragraphs.ToList();
        var oldTexts = oldParagraphs.Select(p => p.Markdown).ToList();
        var newTexts = newParagraphs.Select(p => p.Markdown).ToList();
        var common = LongestCommonSubsequence.Pairs(oldTexts, newTexts, StringComparer.Ordinal);

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
                    ? new ParagraphChange(ParagraphChangeKind.Changed, removed[r], added[k], TextDiff.Compare(removed[r].Markdown, added[k].Markdown))
                    : new ParagraphChange(ParagraphChangeKind.Added, null, added[k], [new TextSegment(TextSegmentKind.Added, added[k].Markdown)]));
            }

            changes.AddRange(removed.Where((_, r) => !partners.Contains(r))
                .Select(p => new ParagraphChange(ParagraphChangeKind.Removed, p, null, [new TextSegment(TextSegmentKind.Removed, p.Markdown)])));
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
                .Select(r => (Index: r, Score: TextDiff.Similarity(removed[r].Markdown, added[k].Markdown)))
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
}

namespace UedaPublicGoals.Kernel.Diff;

/// <summary>
/// The one longest-common-subsequence alignment of the portal: characters of a changed field or
/// paragraph (<see cref="TextDiff"/>) and whole paragraphs of a draft plan are lined up with it.
/// </summary>
public static class LongestCommonSubsequence
{
    /// <summary>
    /// The index pairs of the matched items, in order. A common prefix and suffix are matched
    /// without the table (they belong to a longest subsequence anyway), so a long text with one
    /// change in its middle costs the size of the change, not the square of the text. When the
    /// table for the rest would have more than <paramref name="maxMiddleCells"/> cells (time and
    /// memory grow with their product), the rest is left unmatched: wholly replaced.
    /// </summary>
    public static List<(int Old, int New)> Pairs<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T> equal, long maxMiddleCells = long.MaxValue)
    {
        var (prefix, suffix) = CommonEnds(a, b, equal);
        var pairs = new List<(int, int)>(prefix + suffix);
        for (var i = 0; i < prefix; i++)
        {
            pairs.Add((i, i));
        }

        if ((long)(a.Count - prefix - suffix) * (b.Count - prefix - suffix) <= maxMiddleCells)
        {
            pairs.AddRange(MiddlePairs(a, b, equal, prefix, suffix));
        }

        for (var i = suffix; i > 0; i--)
        {
            pairs.Add((a.Count - i, b.Count - i));
        }

        return pairs;
    }

    /// <summary>How many items a and b share at their start and, after that, at their end.</summary>
    private static (int Prefix, int Suffix) CommonEnds<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T> equal)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && equal.Equals(a[prefix], b[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && equal.Equals(a[a.Count - 1 - suffix], b[b.Count - 1 - suffix]))
        {
            suffix++;
        }

        return (prefix, suffix);
    }

    private static List<(int, int)> MiddlePairs<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T> equal, int prefix, int suffix)
    {
        var (aEnd, bEnd) = (a.Count - suffix, b.Count - suffix);
        var (rows, columns) = (aEnd - prefix, bEnd - prefix);

        // lengths[i * width + j]: LCS length of a[prefix + i..aEnd] and b[prefix + j..bEnd]; walked
        // forwards afterwards. One flat array: a two-dimensional one costs a bounds check per index.
        var width = columns + 1;
        var lengths = new int[(rows + 1) * width];
        for (var i = rows - 1; i >= 0; i--)
        {
            var item = a[prefix + i];
            for (var j = columns - 1; j >= 0; j--)
            {
                lengths[(i * width) + j] = equal.Equals(item, b[prefix + j])
                    ? lengths[((i + 1) * width) + j + 1] + 1
                    : Math.Max(lengths[((i + 1) * width) + j], lengths[(i * width) + j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        int x = 0, y = 0;
        while (x < rows && y < columns)
        {
            if (equal.Equals(a[prefix + x], b[prefix + y]))
            {
                pairs.Add((prefix + x++, prefix + y++));
            }
            else if (lengths[((x + 1) * width) + y] >= lengths[(x * width) + y + 1])
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

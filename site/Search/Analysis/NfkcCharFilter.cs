using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace UedaPublicGoals.Search.Analysis;

/// <summary>
/// Unicode NFKC before tokenizing, so that ＤＸ and DX, ｶﾀｶﾅ and カタカナ, ① and 1 index
/// alike. Offsets are corrected back to the original text, because snippets mark matches
/// in the stored, unnormalised text.
/// </summary>
public sealed class NfkcCharFilter : BaseCharFilter
{
    private string? normalized;
    private int readPosition;

    public NfkcCharFilter(TextReader input) : base(input)
    {
    }

    public override int Read(char[] buffer, int index, int count)
    {
        normalized ??= Normalize(m_input.ReadToEnd());
        var available = Math.Min(count, normalized.Length - readPosition);
        if (available <= 0)
        {
            return 0;
        }

        normalized.CopyTo(readPosition, buffer, index, available);
        readPosition += available;
        return available;
    }

    private string Normalize(string original)
    {
        var output = new StringBuilder(original.Length);
        var cumulativeDiff = 0;
        var start = 0;
        while (start < original.Length)
        {
            // A segment is one starter plus whatever combines with it (ｶﾞ is ｶ + ﾞ and becomes ガ),
            // so each segment normalises on its own and offsets can be mapped segment by segment.
            var end = start + 1;
            while (end < original.Length && CombinesWithPrevious(original[end]))
            {
                end++;
            }

            var segment = original.AsSpan(start, end - start);
            var replacement = SafeNormalize(segment);
            var outputStart = output.Length;
            output.Append(replacement);

            // An expansion (㈱ → (株)) has offsets inside it that exist only in the output:
            // they all map back to the start of the original character.
            if (replacement.Length > segment.Length)
            {
                for (var inner = 1; inner < replacement.Length; inner++)
                {
                    AddOffCorrectMap(outputStart + inner, cumulativeDiff - inner);
                }
            }

            var diff = segment.Length - replacement.Length;
            if (diff != 0)
            {
                cumulativeDiff += diff;
                AddOffCorrectMap(output.Length, cumulativeDiff);
            }

            start = end;
        }

        return output.ToString();
    }

    private static bool CombinesWithPrevious(char c) =>
        char.IsLowSurrogate(c)
        || c is '\uFF9E' or '\uFF9F' // half-width (semi-)voiced sound marks
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>NFKC of one segment; a lone surrogate (invalid UTF-16) is kept as it is instead of throwing.</summary>
    private static string SafeNormalize(ReadOnlySpan<char> segment)
    {
        var text = segment.ToString();
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}

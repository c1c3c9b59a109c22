namespace UedaPublicGoals.Japanese.Glossary;

/// <summary>A published term as pages use it.</summary>
public sealed record GlossaryEntry(int Id, string Term, string Definition)
{
    public string Anchor => GlossaryTerm.AnchorFor(Id);

    public string Url => $"/yogo/#{Anchor}";
}

/// <summary>A piece of text, and the glossary entry it is the first occurrence of (or null).</summary>
public readonly record struct GlossaryPiece(string Text, GlossaryEntry? Entry);

/// <summary>
/// The published glossary held in memory (replaced as a whole when staff publish a change).
/// Also answers, for the editor's readability hints, "is this a known term" and "which terms of
/// this text are not in the glossary".
/// </summary>
public sealed class GlossaryCatalog : UedaPublicGoals.PlainJapanese.IGlossaryTerms
{
    private volatile IReadOnlyList<GlossaryEntry> entries = [];

    /// <summary>In 50音/ABC order for the /yogo/ page.</summary>
    public IReadOnlyList<GlossaryEntry> Entries => entries;

    public void Use(IEnumerable<GlossaryEntry> published) =>
        entries = published.OrderBy(e => e.Term, StringComparer.Ordinal).ToList();

    public bool IsKnownTerm(string term)
    {
        var wanted = term.Trim().Normalize(System.Text.NormalizationForm.FormKC);
        return entries.Any(e => string.Equals(e.Term.Normalize(System.Text.NormalizationForm.FormKC), wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Words of <paramref name="text"/> that usually need explaining (acronyms like EBPM, katakana
    /// loanwords of four or more characters, kanji compounds of five or more) and are not in the glossary.
    /// </summary>
    public IReadOnlyList<string> TermsNotInGlossary(string text) =>
        GlossaryCandidates.Find(text).Where(t => !IsKnownTerm(t)).ToList();

    /// <summary>The editor's readability hints ask through this.</summary>
    IReadOnlyList<string> UedaPublicGoals.PlainJapanese.IGlossaryTerms.UnexplainedTerms(string text) => TermsNotInGlossary(text);

    /// <summary>
    /// Splits a text node so that the first occurrence on the page of each term (tracked in
    /// <paramref name="alreadyMarked"/>) is its own piece. Null when nothing in it is marked.
    /// </summary>
    public IReadOnlyList<GlossaryPiece>? Mark(string text, ISet<int> alreadyMarked)
    {
        var current = entries;
        List<GlossaryPiece>? pieces = null;
        var position = 0;
        while (true)
        {
            GlossaryEntry? first = null;
            var firstIndex = int.MaxValue;
            foreach (var entry in current)
            {
                if (alreadyMarked.Contains(entry.Id))
                {
                    continue;
                }

                var index = IndexOfWord(text, entry.Term, position);
                if (index >= 0 && (index < firstIndex || (index == firstIndex && entry.Term.Length > first!.Term.Length)))
                {
                    first = entry;
                    firstIndex = index;
                }
            }

            if (first is null)
            {
                break;
            }

            pieces ??= [];
            if (firstIndex > position)
            {
                pieces.Add(new GlossaryPiece(text[position..firstIndex], null));
            }

            pieces.Add(new GlossaryPiece(first.Term, first));
            alreadyMarked.Add(first.Id);
            position = firstIndex + first.Term.Length;
        }

        if (pieces is not null && position < text.Length)
        {
            pieces.Add(new GlossaryPiece(text[position..], null));
        }

        return pieces;
    }

    /// <summary>An ASCII term (DX) matches only as a whole word, not inside GDX or DXs.</summary>
    private static int IndexOfWord(string text, string term, int start)
    {
        var index = text.IndexOf(term, start, StringComparison.Ordinal);
        while (index >= 0)
        {
            var before = index == 0 ? ' ' : text[index - 1];
            var after = index + term.Length >= text.Length ? ' ' : text[index + term.Length];
            var asciiEdges = char.IsAsciiLetterOrDigit(term[0]) || char.IsAsciiLetterOrDigit(term[^1]);
            if (!asciiEdges || (!char.IsAsciiLetterOrDigit(before) && !char.IsAsciiLetterOrDigit(after)))
            {
                return index;
            }

            index = text.IndexOf(term, index + 1, StringComparison.Ordinal);
        }

        return -1;
    }
}

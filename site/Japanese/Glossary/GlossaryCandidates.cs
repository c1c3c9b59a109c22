using System.Text.RegularExpressions;

namespace UedaPublicGoals.Japanese.Glossary;

/// <summary>Words a plain-language reader may not know: the candidates the readability hints check against the glossary.</summary>
public static partial class GlossaryCandidates
{
    public static IReadOnlyList<string> Find(string text) =>
        Candidates().Matches(text.Normalize(System.Text.NormalizationForm.FormKC))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // Acronyms (EBPM, SDGs), katakana words of 4+ (スマートシティ), kanji compounds of 5+ (定住自立圏構想).
    [GeneratedRegex(@"(?<![A-Za-z])[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?![A-Za-z])|[ァ-ヶー・]{4,}|[\p{IsCJKUnifiedIdeographs}々]{5,}")]
    private static partial Regex Candidates();
}

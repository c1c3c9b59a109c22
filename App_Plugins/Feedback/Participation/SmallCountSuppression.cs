namespace UedaPublicGoals.Feedback.Participation;

public enum CellVisibility
{
    Shown,
    /// <summary>A group of 1 to 4 people: shown as 「5未満」.</summary>
    Small,
    /// <summary>Withheld only so that a 「5未満」 cannot be worked out by subtraction: shown as 「＊」.</summary>
    Protecting,
}

/// <summary>
/// Primary and secondary suppression over published totals. Every published number is a named
/// value; every "total = sum of parts" a reader could use is an equation. Groups of 1–4 are
/// withheld first; then, while some equation has exactly one withheld member (which subtraction
/// would reveal), a second member of it is withheld too: its smallest non-zero part, else its
/// total, else a zero part. Shared totals (the same 年代 total in two tables) are one value, so a
/// number withheld in one table is not given away by another.
/// </summary>
public static class SmallCountSuppression
{
    public const int Threshold = 5;

    public sealed record Equation(string Total, IReadOnlyList<string> Parts);

    public static Dictionary<string, CellVisibility> Apply(IReadOnlyDictionary<string, int> values, IReadOnlyList<Equation> equations)
    {
        var result = values.ToDictionary(v => v.Key, v => v.Value is > 0 and < Threshold ? CellVisibility.Small : CellVisibility.Shown, StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var equation in equations)
            {
                var members = equation.Parts.Prepend(equation.Total).Distinct(StringComparer.Ordinal).ToList();
                if (members.Count(m => result[m] != CellVisibility.Shown) != 1)
                {
                    continue;
                }

                var open = equation.Parts.Where(p => result[p] == CellVisibility.Shown).ToList();
                var next = open.Where(p => values[p] > 0).OrderBy(p => values[p]).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault()
                    ?? (result[equation.Total] == CellVisibility.Shown ? equation.Total : null)
                    ?? open.OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
                if (next is not null)
                {
                    result[next] = CellVisibility.Protecting;
                    changed = true;
                }
            }
        }
        while (changed);

        return result;
    }
}

using System.Globalization;
using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Public.Listings;

/// <summary>One page of a fiscal year's goals (?page=n, the first page without the parameter).</summary>
public sealed record GoalPage(PublishedFiscalYear Year, int Number, int Size)
{
    public int Count => Math.Max(1, (Year.Goals.Count + Size - 1) / Size);

    public IEnumerable<PublishedGoal> Goals => Year.Goals.Skip((Number - 1) * Size).Take(Size);

    public string Url => UrlFor(Number);

    public string? PreviousUrl => Number > 1 ? UrlFor(Number - 1) : null;

    public string? NextUrl => Number < Count ? UrlFor(Number + 1) : null;

    public string UrlFor(int number) =>
        number == 1 ? Year.Url : $"{Year.Url}?page={number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The page asked for, or null when the value is not a page of this year (the caller answers 404).</summary>
    public static GoalPage? Parse(PublishedFiscalYear year, string? page, int size)
    {
        if (string.IsNullOrEmpty(page))
        {
            return new GoalPage(year, 1, size);
        }

        var first = new GoalPage(year, 1, size);
        return int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= first.Count
            ? first with { Number = number }
            : null;
    }
}

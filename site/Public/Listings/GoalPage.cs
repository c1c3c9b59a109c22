using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Public.Listings;

/// <summary>One page of a fiscal year's goals (?page=n, the first page without the parameter).</summary>
public sealed record GoalPage(PublishedFiscalYear Year, int Number, int Size)
{
    public int Count => Paging.PageCount(Year.Goals.Count, Size);

    public PageNumbers Numbers => new(Year.Url, Number, Count);

    public IEnumerable<PublishedGoal> Goals => Year.Goals.Skip(Paging.Offset(Number, Size)).Take(Size);

    public string Url => Numbers.Url;

    public string? PreviousUrl => Numbers.PreviousUrl;

    public string? NextUrl => Numbers.NextUrl;

    /// <summary>The page asked for, or null when the value is not a page of this year (the caller answers 404).</summary>
    public static GoalPage? Parse(PublishedFiscalYear year, string? page, int size) =>
        PageNumbers.Parse(year.Url, page, Paging.PageCount(year.Goals.Count, size)) is { } numbers
            ? new GoalPage(year, numbers.Number, size)
            : null;
}

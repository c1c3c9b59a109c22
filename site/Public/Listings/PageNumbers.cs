using System.Globalization;

namespace UedaPublicGoals.Public.Listings;

/// <summary>
/// Where one page of a paged public listing sits: ?page=n, the first page without the parameter, so every page
/// has its own canonical URL and plain links (rel=prev/next) lead through all of them without JavaScript.
/// </summary>
public sealed record PageNumbers(string FirstUrl, int Number, int Count)
{
    public string Url => UrlFor(Number);

    public string? PreviousUrl => Number > 1 ? UrlFor(Number - 1) : null;

    public string? NextUrl => Number < Count ? UrlFor(Number + 1) : null;

    public string UrlFor(int number) =>
        number == 1 ? FirstUrl : $"{FirstUrl}?page={number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The page asked for, or null when the value is not one of the listing's pages (the caller answers 404).</summary>
    public static PageNumbers? Parse(string firstUrl, string? page, int count)
    {
        if (string.IsNullOrEmpty(page))
        {
            return new PageNumbers(firstUrl, 1, count);
        }

        return int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= count
            ? new PageNumbers(firstUrl, number, count)
            : null;
    }
}

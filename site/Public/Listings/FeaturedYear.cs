using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Public.Listings;

/// <summary>Which fiscal year a listing leads with, the others being links.</summary>
public static class FeaturedYear
{
    /// <summary>The fiscal year running now in Japan when something is published for it, else the latest before it, else the earliest.</summary>
    public static int? Choose(IEnumerable<int> publishedYears, int currentFiscalYear)
    {
        var years = publishedYears.Distinct().ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var upToNow = years.Where(y => y <= currentFiscalYear).ToList();
        return upToNow.Count > 0 ? upToNow.Max() : years.Min();
    }

    public static PublishedFiscalYear? Of(PublishedDepartment department, int currentFiscalYear) =>
        Choose(department.Years.Select(y => y.Year), currentFiscalYear) is { } year ? department.Years.First(y => y.Year == year) : null;
}

using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Public.Listings;

/// <summary>
/// The home page: the featured fiscal year's goals (as cards while few, else one link per department with its
/// count) and links to every department's other years, so it grows with departments and years, not with goals.
/// </summary>
public sealed record HomeListing(int? FeaturedYear, IReadOnlyList<PublishedFiscalYear> Featured, bool ShowsCards, IReadOnlyList<PublishedDepartment> Departments)
{
    public static HomeListing For(PublishedSite site, int currentFiscalYear, int cardLimit)
    {
        var featuredYear = Listings.FeaturedYear.Choose(site.Departments.SelectMany(d => d.Years).Select(y => y.Year), currentFiscalYear);
        var featured = site.Departments.SelectMany(d => d.Years.Where(y => y.Year == featuredYear)).ToList();
        return new HomeListing(featuredYear, featured, featured.Sum(y => y.Goals.Count) <= cardLimit, site.Departments);
    }

    public string FeaturedLabel => FeaturedYear is { } year ? JapaneseFiscalYear.Label(year) : "";

    /// <summary>Departments with years besides the featured one, for the 年度別 links.</summary>
    public IEnumerable<(PublishedDepartment Department, IReadOnlyList<PublishedFiscalYear> Years)> OtherYears =>
        Departments.Select(d => (d, (IReadOnlyList<PublishedFiscalYear>)d.Years.Where(y => y.Year != FeaturedYear).ToList())).Where(d => d.Item2.Count > 0);
}

/// <summary>A department page: the featured year's first page of goals, the other years as links with their counts.</summary>
public sealed record DepartmentListing(PublishedDepartment Department, GoalPage Featured)
{
    public IEnumerable<PublishedFiscalYear> OtherYears => Department.Years.Where(y => y != Featured.Year);
}

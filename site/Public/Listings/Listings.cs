using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Public.Listings;

/// <summary>
/// The home page: the featured fiscal year's goals (as cards while few, else one link per department with its
/// count) and links to the departments' other years. Both lists stop after the first departments; the rest are
/// one link away in the 部局一覧, so the home page stays the same size however many departments publish.
/// </summary>
/// <param name="Featured">The featured year of the departments shown (all of them while the goals are shown as cards).</param>
/// <param name="Departments">The departments whose other years are linked.</param>
/// <param name="DepartmentCount">Every department with something published, shown or not.</param>
public sealed record HomeListing(int? FeaturedYear, IReadOnlyList<PublishedFiscalYear> Featured, bool ShowsCards, IReadOnlyList<PublishedDepartment> Departments, int DepartmentCount)
{
    /// <param name="departmentLimit">Departments listed before the link to the 部局一覧.</param>
    public static HomeListing For(PublishedSite site, int currentFiscalYear, int cardLimit, int departmentLimit = int.MaxValue)
    {
        var featuredYear = Listings.FeaturedYear.Choose(site.Departments.SelectMany(d => d.Years).Select(y => y.Year), currentFiscalYear);
        var featured = site.Departments.SelectMany(d => d.Years.Where(y => y.Year == featuredYear)).ToList();
        // Cards are bounded by the card limit already; links to departments by the department limit.
        var showsCards = featured.Sum(y => y.Goals.Count) <= cardLimit;
        return new HomeListing(
            featuredYear,
            showsCards ? featured : featured.Take(departmentLimit).ToList(),
            showsCards,
            site.Departments.Take(departmentLimit).ToList(),
            site.Departments.Count);
    }

    public string FeaturedLabel => FeaturedYear is { } year ? JapaneseFiscalYear.Label(year) : "";

    /// <summary>Some departments are left to the 部局一覧.</summary>
    public bool IsShortened => Departments.Count < DepartmentCount;

    /// <summary>Departments with years besides the featured one, for the 年度別 links.</summary>
    public IEnumerable<(PublishedDepartment Department, IReadOnlyList<PublishedFiscalYear> Years)> OtherYears =>
        Departments.Select(d => (d, (IReadOnlyList<PublishedFiscalYear>)d.Years.Where(y => y.Year != FeaturedYear).ToList())).Where(d => d.Item2.Count > 0);
}

/// <summary>A department page: the featured year's first page of goals, the other years as links with their counts.</summary>
public sealed record DepartmentListing(PublishedDepartment Department, GoalPage Featured)
{
    public IEnumerable<PublishedFiscalYear> OtherYears => Department.Years.Where(y => y != Featured.Year);
}

using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Reporting;

namespace UedaPublicGoals.Content.ReadModel;

/// <summary>
/// An immutable snapshot of everything published. Public pages read only this:
/// no database query per page view once it is built.
/// </summary>
public sealed class PublishedSite
{
    private readonly Dictionary<string, PublishedDepartment> departmentsBySlug;
    private readonly Dictionary<string, PublishedPage> pagesBySlug;
    private readonly Dictionary<Guid, PublishedGoal> goalsById;
    private readonly Dictionary<Guid, PublishedPage> pagesById;

    public PublishedSite(IReadOnlyList<PublishedDepartment> departments, IReadOnlyList<PublishedPage> pages, DateTime builtUtc)
        : this(departments, pages, builtUtc, departments.SelectMany(d => d.Years).SelectMany(y => y.Goals).ToDictionary(g => g.DocumentId))
    {
    }

    /// <param name="goalsById">Every goal in <paramref name="departments"/>: an update patches the previous snapshot's instead of collecting them again.</param>
    internal PublishedSite(IReadOnlyList<PublishedDepartment> departments, IReadOnlyList<PublishedPage> pages, DateTime builtUtc, Dictionary<Guid, PublishedGoal> goalsById)
    {
        Departments = departments;
        Pages = pages;
        BuiltUtc = builtUtc;
        departmentsBySlug = departments.ToDictionary(d => d.Slug, StringComparer.Ordinal);
        pagesBySlug = pages.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        this.goalsById = goalsById;
        pagesById = pages.ToDictionary(p => p.DocumentId);
    }

    public static PublishedSite Empty { get; } = new([], [], DateTime.MinValue);

    /// <summary>Departments with at least one published goal, in sort order.</summary>
    public IReadOnlyList<PublishedDepartment> Departments { get; }

    public IReadOnlyList<PublishedPage> Pages { get; }

    public DateTime BuiltUtc { get; }

    /// <summary>Every published goal, in no particular order (listings go through <see cref="Departments"/>).</summary>
    public IEnumerable<PublishedGoal> AllGoals => goalsById.Values;

    public int GoalCount => goalsById.Count;

    public PublishedDepartment? FindDepartment(string slug) => departmentsBySlug.GetValueOrDefault(slug);

    public PublishedPage? FindPage(string slug) => pagesBySlug.GetValueOrDefault(slug);

    public PublishedGoal? FindGoal(Guid documentId) => goalsById.GetValueOrDefault(documentId);

    internal IReadOnlyDictionary<Guid, PublishedGoal> GoalsById => goalsById;

    public PublishedPage? FindPage(Guid documentId) => pagesById.GetValueOrDefault(documentId);
}

public sealed class PublishedDepartment(string slug, string name)
{
    public string Slug { get; } = slug;
    public string Name { get; } = name;
    public List<PublishedFiscalYear> Years { get; } = [];
    public string Url => $"/{Slug}/";

    public PublishedFiscalYear? FindYear(string slug) => Years.FirstOrDefault(y => y.Slug == slug);
}

public sealed class PublishedFiscalYear(PublishedDepartment department, int year, string slug, string heading, ReportingCycle? cycle = null)
{
    public PublishedDepartment Department { get; } = department;
    public int Year { get; } = year;
    public string Slug { get; } = slug;
    public string Heading { get; } = heading;

    /// <summary>When this year's 中間報告 and 期末報告 are due.</summary>
    public ReportingCycle Cycle { get; } = cycle ?? new ReportingCycle(year, ReportingCycle.DefaultMidtermMonth, ReportingCycle.DefaultFinalMonth);

    /// <summary>令和6年度 for 2024.</summary>
    public string Label => JapaneseFiscalYear.Label(Year);

    /// <summary>Goals in priority order (1位 first).</summary>
    public List<PublishedGoal> Goals { get; } = [];

    public string Url => $"/{Department.Slug}/{Slug}/";

    public PublishedGoal? FindGoal(string slug) => Goals.FirstOrDefault(g => g.Slug == slug);
}

public sealed class PublishedGoal(Guid documentId, PublishedFiscalYear year, string slug, int version, DateTime publishedUtc, GoalContent content)
{
    public Guid DocumentId { get; } = documentId;
    public PublishedFiscalYear Year { get; } = year;
    public PublishedDepartment Department => Year.Department;
    public string Slug { get; } = slug;
    public int Version { get; } = version;
    public DateTime PublishedUtc { get; } = publishedUtc;
    public GoalContent Content { get; } = content;
    public string Url => $"{Year.Url}{Slug}/";
    public GoalProgressSummary Progress { get; } = GoalProgressSummary.For(content);
}

public sealed record PublishedPage(Guid DocumentId, string Slug, int SortOrder, int Version, DateTime PublishedUtc, PageContent Content)
{
    public string Url => $"/pages/{Slug}";
}

public static class JapaneseFiscalYear
{
    /// <summary>The first fiscal year of Reiwa; years are entered from here on, so label and slug follow from the year.</summary>
    public const int FirstReiwaYear = 2019;

    /// <summary>The URL segment of a fiscal year: r6 for 2024 (令和6年度).</summary>
    public static string Slug(int year) => $"r{year - 2018}";

    /// <summary>Reiwa began in 2019 (令和元年); fiscal 2024 is 令和6年度.</summary>
    public static string Label(int year) => year switch
    {
        2019 => "令和元年度",
        > 2019 => $"令和{year - 2018}年度",
        _ => $"{year}年度",
    };
}

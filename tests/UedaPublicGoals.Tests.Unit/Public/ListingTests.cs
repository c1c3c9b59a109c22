using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Kernel;
using UedaPublicGoals.Public.Listings;

namespace UedaPublicGoals.Tests.Unit.Public;

/// <summary>Which year the home and department pages lead with, and how a year's goals are paged.</summary>
public sealed class ListingTests
{
    [Theory]
    [InlineData("2025-03-31", 2024)]
    [InlineData("2025-04-01", 2025)]
    [InlineData("2026-12-31", 2026)]
    public void The_fiscal_year_starts_in_April(string date, int fiscalYear) =>
        Assert.Equal(fiscalYear, TokyoTime.FiscalYearOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2026, 2026)] // the running year when it has goals
    [InlineData(2025, 2024)] // else the latest before it
    [InlineData(2021, 2022)] // else the earliest
    public void The_featured_year_is_the_running_one_or_the_latest_before_it(int current, int featured) =>
        Assert.Equal(featured, FeaturedYear.Choose([2022, 2024, 2026], current));

    [Fact]
    public void Nothing_published_features_no_year() => Assert.Null(FeaturedYear.Choose([], 2026));

    [Fact]
    public void A_year_of_seven_goals_in_pages_of_three_has_three_pages_linked_to_each_other()
    {
        var year = YearWithGoals(7);

        var first = GoalPage.Parse(year, null, 3)!;
        var last = GoalPage.Parse(year, "3", 3)!;

        Assert.Equal(3, first.Count);
        Assert.Equal([1, 2, 3], first.Goals.Select(g => g.Content.Priority));
        Assert.Equal("/bu/r6/", first.Url);
        Assert.Null(first.PreviousUrl);
        Assert.Equal("/bu/r6/?page=2", first.NextUrl);
        Assert.Equal([7], last.Goals.Select(g => g.Content.Priority));
        Assert.Equal("/bu/r6/?page=2", last.PreviousUrl);
        Assert.Null(last.NextUrl);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("+2")]
    [InlineData("２")]
    [InlineData("abc")]
    [InlineData("99999999999999")]
    public void A_page_that_is_not_one_of_the_year_is_refused(string page) =>
        Assert.Null(GoalPage.Parse(YearWithGoals(7), page, 3));

    [Fact]
    public void An_empty_year_still_has_its_first_page() =>
        Assert.Equal(1, GoalPage.Parse(YearWithGoals(0), null, 3)!.Count);

    [Fact]
    public void The_home_page_leads_with_the_featured_year_as_cards_while_few_and_links_the_other_years()
    {
        var older = YearWithGoals(2, 2023, "r5");
        var newer = YearWithGoals(3, 2024, "r6", older.Department);
        var site = new PublishedSite([older.Department], [], DateTime.UnixEpoch);

        var few = HomeListing.For(site, currentFiscalYear: 2026, cardLimit: 3);
        var many = HomeListing.For(site, currentFiscalYear: 2026, cardLimit: 2);

        Assert.Equal(2024, few.FeaturedYear);
        Assert.Equal([newer], few.Featured);
        Assert.True(few.ShowsCards);
        Assert.False(many.ShowsCards);
        var (department, years) = Assert.Single(few.OtherYears);
        Assert.Same(older.Department, department);
        Assert.Equal([older], years);
    }

    [Fact]
    public void The_home_page_links_only_the_first_departments_and_says_how_many_there_are()
    {
        var site = new PublishedSite(Enumerable.Range(1, 5).Select(n => YearWithGoals(2, 2024, "r6", new PublishedDepartment($"bu-{n}", $"第{n}部")).Department).ToList(), [], DateTime.UnixEpoch);

        var links = HomeListing.For(site, currentFiscalYear: 2026, cardLimit: 2, departmentLimit: 2);
        var cards = HomeListing.For(site, currentFiscalYear: 2026, cardLimit: 10, departmentLimit: 2);

        Assert.False(links.ShowsCards);
        Assert.Equal(["bu-1", "bu-2"], links.Featured.Select(y => y.Department.Slug));
        Assert.Equal(["bu-1", "bu-2"], links.Departments.Select(d => d.Slug));
        Assert.Equal(5, links.DepartmentCount);
        Assert.True(links.IsShortened);
        Assert.True(cards.ShowsCards);
        Assert.Equal(5, cards.Featured.Count); // cards are bounded by the card limit
        Assert.False(HomeListing.For(site, currentFiscalYear: 2026, cardLimit: 2, departmentLimit: 5).IsShortened);
    }

    [Fact]
    public void The_department_directory_pages_every_department_in_order()
    {
        var departments = Enumerable.Range(1, 5).Select(n => new PublishedDepartment($"bu-{n}", $"第{n}部")).ToList();

        var first = DepartmentDirectoryPage.Parse(departments, null, 2)!;
        var last = DepartmentDirectoryPage.Parse(departments, "3", 2)!;

        Assert.Equal(3, first.Numbers.Count);
        Assert.Equal("/bukyoku/", first.Numbers.Url);
        Assert.Equal("/bukyoku/?page=2", first.Numbers.NextUrl);
        Assert.Equal(["bu-1", "bu-2"], first.Departments.Select(d => d.Slug));
        Assert.Equal(["bu-5"], last.Departments.Select(d => d.Slug));
        Assert.Equal("/bukyoku/?page=2", last.Numbers.PreviousUrl);
        Assert.Null(last.Numbers.NextUrl);
        Assert.Null(DepartmentDirectoryPage.Parse(departments, "4", 2));
        Assert.Equal(1, DepartmentDirectoryPage.Parse([], null, 2)!.Numbers.Count);
    }

    private static PublishedFiscalYear YearWithGoals(int count, int fiscalYear = 2024, string slug = "r6", PublishedDepartment? department = null)
    {
        department ??= new PublishedDepartment("bu", "部");
        var year = new PublishedFiscalYear(department, fiscalYear, slug, $"{JapaneseFiscalYear.Label(fiscalYear)} 重点目標");
        department.Years.Add(year);
        for (var priority = 1; priority <= count; priority++)
        {
            year.Goals.Add(new PublishedGoal(Guid.NewGuid(), year, $"g{priority}", 1, DateTime.UnixEpoch, new GoalContent { Title = $"目標{priority}", Priority = priority }));
        }

        return year;
    }
}

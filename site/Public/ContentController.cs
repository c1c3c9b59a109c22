using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Kernel.Markdown;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public.Listings;

namespace UedaPublicGoals.Public;

/// <summary>
/// The pages residents read. Everything comes from the in-memory published read model;
/// responses are output-cached and tagged so a publish evicts exactly what it changed.
/// </summary>
public sealed class ContentController(PublishedContentCache cache, MarkdownRenderer markdown, IOptions<SiteOptions> settings, TimeProvider clock) : PublishedPageController
{
    [HttpGetOrHead("/")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Index()
    {
        TagListing();
        var listing = HomeListing.For(cache.Current, TokyoTime.CurrentFiscalYear(clock), settings.Value.HomeCardLimit, settings.Value.DepartmentsPerPage);
        ViewData[nameof(PageMeta)] = new PageMeta(
            "上田市 重点目標ポータル",
            "上田市の各部局が毎年定める重点目標と、その進み具合（中間報告・期末報告）を読みやすくまとめたサイトです。",
            "/") { OpenGraphType = "website" };
        return View(listing);
    }

    /// <summary>部局一覧: every department with its years, a page at a time (linked from the home page once it stops listing them).</summary>
    [HttpGetOrHead(DepartmentDirectoryPage.Path)]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Departments(string? page)
    {
        if (DepartmentDirectoryPage.Parse(cache.Current.Departments, page, settings.Value.DepartmentsPerPage) is not { } shown)
        {
            return NotFound();
        }

        if (RedirectToTrailingSlash() is { } redirect)
        {
            return redirect;
        }

        TagListing();
        var numbers = shown.Numbers;
        ViewData[nameof(PageMeta)] = new PageMeta(
            "部局一覧" + (numbers.Number > 1 ? $"（{numbers.Number}ページ目）" : ""),
            $"上田市の重点目標を公開している{shown.All.Count}の部局と、年度ごとの重点目標の数です。",
            numbers.Url)
        {
            Breadcrumbs = [new(Home, "/"), new("部局一覧", null)],
            PreviousPath = numbers.PreviousUrl,
            NextPath = numbers.NextUrl,
        };
        return View(shown);
    }

    [HttpGetOrHead("/{department:slug}")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Department(string department)
    {
        var found = cache.Current.FindDepartment(department);
        if (found is null)
        {
            return NotFound();
        }

        if (RedirectToTrailingSlash() is { } redirect)
        {
            return redirect;
        }

        if (FeaturedYear.Of(found, TokyoTime.CurrentFiscalYear(clock)) is not { } featured)
        {
            return NotFound();
        }

        TagListing();
        ViewData[nameof(PageMeta)] = new PageMeta(found.Name, $"{found.Name}の重点目標（年度別）", found.Url)
        {
            Breadcrumbs = [new(Home, "/"), new(found.Name, null)],
        };
        return View(new DepartmentListing(found, new GoalPage(featured, 1, settings.Value.GoalsPerPage)));
    }

    [HttpGetOrHead("/{department:slug}/{year:slug}")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Year(string department, string year, string? page)
    {
        var found = cache.Current.FindDepartment(department)?.FindYear(year);
        if (found is null)
        {
            return NotFound();
        }

        if (GoalPage.Parse(found, page, settings.Value.GoalsPerPage) is not { } shown)
        {
            return NotFound();
        }

        if (RedirectToTrailingSlash() is { } redirect)
        {
            return redirect;
        }

        TagListing();
        var title = $"{found.Department.Name} {found.Heading}" + (shown.Number > 1 ? $"（{shown.Number}ページ目）" : "");
        ViewData[nameof(PageMeta)] = new PageMeta(
            title,
            $"{found.Department.Name}の{found.Label}の重点目標{found.Goals.Count}件を優先順位の順に掲載しています。",
            shown.Url)
        {
            Breadcrumbs = [new(Home, "/"), new(found.Department.Name, found.Department.Url), new(found.Label, null)],
            PreviousPath = shown.PreviousUrl,
            NextPath = shown.NextUrl,
        };
        return View(shown);
    }

    [HttpGetOrHead("/{department:slug}/{year:slug}/{goal:slug}")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Goal(string department, string year, string goal)
    {
        var found = cache.Current.FindDepartment(department)?.FindYear(year)?.FindGoal(goal);
        if (found is null)
        {
            return NotFound();
        }

        if (RedirectToTrailingSlash() is { } redirect)
        {
            return redirect;
        }

        TagDocument(found.DocumentId);
        var description = markdown.ToPlainText(found.Content.PurposeAndEffect);
        ViewData[nameof(PageMeta)] = new PageMeta(found.Content.Title, Shorten(description, 120), found.Url)
        {
            FeedPath = Follow.FollowTopic.Goal(found.DocumentId).FeedPath,
            Breadcrumbs =
            [
                new(Home, "/"),
                new(found.Department.Name, found.Department.Url),
                new(found.Year.Label, found.Year.Url),
                new($"重点目標 {found.Content.Priority}", null),
            ],
        };
        return View(found);
    }

    [HttpGetOrHead("/pages/{slug:slug}")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Page(string slug)
    {
        var found = cache.Current.FindPage(slug);
        if (found is null)
        {
            return NotFound();
        }

        TagDocument(found.DocumentId);
        ViewData[nameof(PageMeta)] = new PageMeta(found.Content.Title, found.Content.Summary ?? found.Content.Title, found.Url)
        {
            Breadcrumbs = [new(Home, "/"), new(found.Content.Title, null)],
        };
        return View(found);
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}

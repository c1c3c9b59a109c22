using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser;

/// <summary>
/// axe-core finds no WCAG 2.0/2.1 A or AA violation on the main page types, on a phone
/// (360×740) and on a desktop (1280×900) screen.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class AxeWcag21AaTests(BrowserPortal portal)
{
    private const int ShownTargets = 3;

    public static TheoryData<string, int, int> PagesAndViewports()
    {
        string[] paths =
        [
            SitePages.Home,
            SitePages.Year,
            SitePages.Goal("koho"),
            SitePages.Goal("sogo-keikaku"),
            SitePages.FuriganaGoal("sogo-keikaku"),
            SitePages.FuriganaGoal("koho"),
            SitePages.Glossary,
            SitePages.Privacy,
            SitePages.ApiGuide,
            SitePages.OpenData,
            SitePages.NotFound,
        ];
        return Viewports.PhoneAndDesktop(paths);
    }

    [Theory]
    [MemberData(nameof(PagesAndViewports))]
    public async Task Axe_finds_no_wcag21_a_or_aa_violations(string path, int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await page.WaitForFontsAsync();

        await page.AssertNoAxeViolationsAsync($"{path} at {width}×{height}");
    }

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 120 ? html : html[..120] + "…";
}

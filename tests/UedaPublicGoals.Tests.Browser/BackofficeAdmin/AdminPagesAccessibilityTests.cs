using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.BackofficeAdmin;

/// <summary>
/// The administration pages on a phone (360×740) and a desktop (1280×900): axe-core finds
/// no WCAG 2.0/2.1 A or AA violation, and at 360 px nothing scrolls sideways.
/// </summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class AdminPagesAccessibilityTests(AdminBrowserPortal portal)
{
    public static TheoryData<string, int, int> PagesAndViewports()
    {
        string[] paths =
        [
            "/backoffice/users",
            "/backoffice/users/new",
            "/backoffice/users/{admin}",
            "/backoffice/users/roles",
            "/backoffice/documents/{koho}/history",
            "/backoffice/documents/{koho}/history/1",
            "/backoffice/documents/{koho}/history/compare?from=1&to=2",
            "/backoffice/structure",
            "/backoffice/recycle-bin",
            "/backoffice/recycle-bin/empty",
            "/backoffice/audit",
            "/backoffice/media",
            "/backoffice/",
        ];
        return Viewports.PhoneAndDesktop(paths);
    }

    [Theory]
    [MemberData(nameof(PagesAndViewports))]
    public async Task Axe_finds_no_wcag21_a_or_aa_violations_and_nothing_scrolls_sideways(string path, int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        await portal.SignInAsync(context);
        var page = await context.NewPageAsync();
        var url = path.Replace("{admin}", portal.AdminUserId, StringComparison.Ordinal).Replace("{koho}", portal.KohoId.ToString(), StringComparison.Ordinal);

        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.Equal(200, response!.Status);

        await page.AssertNoAxeViolationsAsync($"{path} at {width}×{height}");
        if (width == 360)
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 360px.");
        }
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task The_user_form_showing_its_errors_is_accessible_too(int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        await portal.SignInAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backoffice/users/new");

        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");

        Assert.Equal("true", await page.GetAttributeAsync("#Email", "aria-invalid"));
        await page.AssertNoAxeViolationsAsync($"/backoffice/users/new with errors at {width}×{height}");
    }
}

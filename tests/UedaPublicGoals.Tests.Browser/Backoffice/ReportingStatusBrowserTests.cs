using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Browser.Backoffice;

/// <summary>
/// 報告状況 in Chromium at 360 and 1280 px, as 広報 and as a 部局担当: axe finds nothing, the page does not
/// scroll sideways (the table scrolls inside its captioned, focusable region), the filters work.
/// </summary>
[Collection(BackofficeBrowserCollection.Name)]
public sealed class ReportingStatusBrowserTests(BackofficeBrowserPortal portal, ITestOutputHelper output)
{
    [Theory]
    [InlineData(BackofficeBrowserPortal.PublicRelationsEmail, 360)]
    [InlineData(BackofficeBrowserPortal.PublicRelationsEmail, 1280)]
    [InlineData(BackofficeBrowserPortal.DepartmentAuthorEmail, 360)]
    [InlineData(BackofficeBrowserPortal.DepartmentAuthorEmail, 1280)]
    public async Task The_reporting_status_page_has_no_axe_violations_and_fits_the_width(string email, int width)
    {
        await using var context = await portal.NewContextAsync(width, 900);
        var page = await portal.SignedInPageAsync(context, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "報告状況" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await page.OpenAsync("/backoffice/reporting/2024");
        await page.GetByRole(AriaRole.Heading, new() { Name = "報告状況（令和6年度）", Level = 1 }).WaitForAsync();
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

        var role = email == BackofficeBrowserPortal.PublicRelationsEmail ? "kouhou" : "bukyoku";
        Directory.CreateDirectory(GoalPageScreenshotTests.ScreenshotDirectory);
        var shot = Path.Combine(GoalPageScreenshotTests.ScreenshotDirectory, $"reporting-status-{role}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine(shot);

        await page.AssertNoAxeViolationsAsync($"reporting-status-{role} at {width}px");
        Assert.True(await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth") <= width);

        // Other tests of this fixture may add goals: at least the four of the seed.
        var table = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^政策企画部 令和6年度の報告状況") });
        await Assertions.Expect(table).ToBeVisibleAsync();
        Assert.True(await table.Locator("tbody tr").CountAsync() >= 4);

        // The filters are a plain GET form: choose, send, read.
        await page.GetByLabel("部局").SelectOptionAsync(new SelectOptionValue { Label = "政策企画部" });
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("department=", StringComparison.Ordinal));
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "絞り込みを解除" })).ToBeVisibleAsync();
    }
}

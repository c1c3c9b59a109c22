using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Browser;

/// <summary>
/// Full-page screenshots of a goal sheet on a phone and a desktop, saved as artefacts for a
/// person to look at (bin/…/screenshots/). They are not compared with anything.
/// Japanese glyphs need the fonts-noto-cjk package (installed by ./test.sh).
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class GoalPageScreenshotTests(BrowserPortal portal, ITestOutputHelper output)
{
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Theory]
    [InlineData(360, 740, SitePages.Koho.Url, "koho")]
    [InlineData(1280, 900, SitePages.Koho.Url, "koho")]
    [InlineData(360, 740, SitePages.Koho.Url + "?furigana=on", "koho-furigana")]
    public async Task Saves_a_full_page_screenshot_of_the_koho_goal(int width, int height, string path, string name)
    {
        await using var context = await portal.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await page.WaitForFontsAsync();

        Directory.CreateDirectory(ScreenshotDirectory);
        var file = Path.Combine(ScreenshotDirectory, $"{name}-{width}.png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });

        output.WriteLine($"{file} ({png.Length:N0} bytes)");
        Assert.True(png.Length > 0);
    }
}

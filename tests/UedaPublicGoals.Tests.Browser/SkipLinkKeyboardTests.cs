using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser;

/// <summary>A keyboard user's first Tab lands on the skip link, and Enter jumps to the main content.</summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class SkipLinkKeyboardTests(BrowserPortal portal)
{
    [Theory]
    [InlineData(SitePages.Home)]
    [InlineData(SitePages.Koho.Url)]
    public async Task First_tab_focuses_the_skip_link_and_enter_moves_focus_to_main(string path)
    {
        await using var context = await portal.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML");
        Assert.True(await page.Locator("a.skip-link").EvaluateAsync<bool>("el => el === document.activeElement"), $"First Tab focused {focused}");
        Assert.Equal("本文へ移動", (await page.Locator("a.skip-link").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("a.skip-link").IsVisibleAsync());

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("#main", StringComparison.Ordinal));
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("MAIN", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));

        // The next Tab continues inside the main content, not back at the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.getElementById('main').contains(document.activeElement)"),
            "After the skip link, the next Tab left the main content.");
    }
}

using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.Follow;

/// <summary>
/// The e-mail subscription form, reached from a goal page: axe-core finds no WCAG 2.0/2.1 A or AA violation on a
/// phone (360×740) and a desktop, empty or with its errors, with and without JavaScript, by keyboard.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class SubscribeFormTests(BrowserPortal portal)
{
    /// <summary>
    /// axe and the width check run script in the page, which a context without JavaScript never answers (the call
    /// would wait for ever): the page without JavaScript is the same markup, checked in the cases with it.
    /// </summary>
    private static async Task AssertNoViolationsAsync(IPage page, string state, bool javaScript)
    {
        if (!javaScript)
        {
            return;
        }

        await page.AssertNoAxeViolationsAsync(state);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{state} scrolls sideways.");
    }

    [Theory]
    [InlineData(360, 740, true)]
    [InlineData(360, 740, false)]
    [InlineData(1280, 900, true)]
    public async Task The_form_from_a_goal_page_and_its_error_state_pass_axe(int width, int height, bool javaScript)
    {
        await using var context = await portal.NewContextAsync(width, height, javaScript);
        var page = await context.NewPageAsync();
        await page.OpenAsync(SitePages.Goal("koho"));
        await page.Locator("main a[href^='/oshirase/touroku?goal=']").ClickAsync();
        await page.WaitForSelectorAsync("#subscribe-form");
        Assert.True(await page.Locator("#Topic").IsCheckedAsync(), "The goal the resident came from should be chosen.");
        await AssertNoViolationsAsync(page, $"the form at {width} px", javaScript);

        // By keyboard: the address field, then send with Enter; the server answers with the error next to the field.
        await page.Locator("#Email").FocusAsync();
        await page.Keyboard.TypeAsync("not-an-address");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#Email-error");
        Assert.Contains("メールアドレスの形式が正しくありません", await page.Locator("#Email-error").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("not-an-address", await page.Locator("#Email").InputValueAsync());
        Assert.Equal("true", await page.Locator("#Email").GetAttributeAsync("aria-invalid"));
        await AssertNoViolationsAsync(page, $"the form with an error at {width} px", javaScript);
    }
}

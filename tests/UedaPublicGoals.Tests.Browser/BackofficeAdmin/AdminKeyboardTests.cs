using Microsoft.Playwright;

namespace UedaPublicGoals.Tests.Browser.BackofficeAdmin;

/// <summary>Administration works from the keyboard alone, without JavaScript-only controls.</summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class AdminKeyboardTests(AdminBrowserPortal portal)
{
    [Fact]
    public async Task A_goal_moves_down_with_Tab_and_Enter_and_the_page_returns_to_it()
    {
        await using var context = await portal.NewContextAsync(360, 740);
        await portal.SignInAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backoffice/structure");
        var goals = page.Locator("#departments-heading ~ .structure-list .structure-item--document");
        var before = await goals.EvaluateAllAsync<string[]>("items => items.map(i => i.id)");

        // Start on the last control before the goals (the year's 「ごみ箱へ」) and Tab once.
        await page.Locator("#departments-heading ~ .structure-list [id^='year-'] > .action-row button").Last.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        Assert.StartsWith("↓ 下へ", focused);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith($"#{before[0]}", StringComparison.Ordinal));

        var after = await goals.EvaluateAllAsync<string[]>("items => items.map(i => i.id)");
        Assert.Equal([before[1], before[0], .. before[2..]], after);
    }
}

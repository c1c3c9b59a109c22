using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.FeedbackForm;

/// <summary>The last steps of the comment form by keyboard alone, as every keyboard test takes them.</summary>
public static class CommentFormKeys
{
    /// <summary>Ticks the consent box, presses 確認する and waits for the confirmation page; returns its main text.</summary>
    public static async Task<string> ConsentAndConfirmAsync(this IPage page)
    {
        await page.TabToAsync("#Consent");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#comment-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/confirm", StringComparison.Ordinal));
        return await page.Locator("main").InnerTextAsync();
    }

    /// <summary>Presses 送信する on the confirmation page and waits for the thanks page.</summary>
    public static async Task SendAsync(this IPage page)
    {
        await page.TabToAsync("#confirm-form button[type=submit]:not([formaction])");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/thanks?r=", StringComparison.Ordinal));
    }
}

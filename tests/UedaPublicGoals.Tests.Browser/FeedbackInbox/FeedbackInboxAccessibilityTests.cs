using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.FeedbackInbox;

/// <summary>
/// The inbox list, a comment's detail page and the statistics page, signed in as 総合計画担当:
/// no WCAG 2.1 A/AA violation found by axe, nothing scrolls sideways at 360px, and the bulk
/// change works from the keyboard alone.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class FeedbackInboxAccessibilityTests(BrowserPortal portal)
{
    public static TheoryData<string, int, int> PagesAndViewports() => Viewports.PhoneAndDesktop(["list", "detail", "statistics"]);

    private static string PathOf(string page, long commentId) => page switch
    {
        "list" => FeedbackInboxPages.List,
        "detail" => $"{FeedbackInboxPages.List}/{commentId}",
        _ => FeedbackInboxPages.Statistics,
    };

    [Theory]
    [MemberData(nameof(PagesAndViewports))]
    public async Task Axe_finds_no_wcag21_a_or_aa_violations_on_the_inbox(string pageName, int width, int height)
    {
        var (email, commentId) = await FeedbackInboxPages.SeedWithSharedOfficerAsync(portal);
        await using var context = await portal.NewContextAsync(width, height);
        await portal.SignInAsync(context, email, FeedbackInboxPages.Password);
        var page = await context.NewPageAsync();
        await page.OpenAsync(PathOf(pageName, commentId));
        await page.WaitForFontsAsync();

        // The module's own stylesheet really applied (colour contrast is judged on the styled page).
        Assert.Equal(200, (await page.APIRequest.GetAsync(await page.Locator("link[href^='/_content/UedaPublicGoals.Feedback/inbox/']").GetAttributeAsync("href") ?? "")).Status);

        await page.AssertNoAxeViolationsAsync($"the inbox {pageName} page at {width}px");
    }

    [Theory]
    [InlineData("list")]
    [InlineData("detail")]
    [InlineData("statistics")]
    public async Task Nothing_scrolls_sideways_on_a_360px_phone(string pageName)
    {
        var (email, commentId) = await FeedbackInboxPages.SeedWithSharedOfficerAsync(portal);
        await using var context = await portal.NewContextAsync(360, 740);
        await portal.SignInAsync(context, email, FeedbackInboxPages.Password);
        var page = await context.NewPageAsync();
        await page.OpenAsync(PathOf(pageName, commentId));

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{pageName} is {widths[0]}px wide in a {widths[1]}px window");
    }

    [Fact]
    public async Task A_bulk_status_change_works_from_the_keyboard_without_JavaScript()
    {
        var (email, _) = await FeedbackInboxPages.SeedWithSharedOfficerAsync(portal);
        await using var context = await portal.NewContextAsync(1280, 900, javaScriptEnabled: false);
        await portal.SignInAsync(context, email, FeedbackInboxPages.Password);
        var page = await context.NewPageAsync();
        await page.OpenAsync(FeedbackInboxPages.List + "?Channel=FieldHearing");

        var receipt = (await page.Locator("td[data-label='受付番号'] a").First.TextContentAsync())!.Trim();
        await page.GetByLabel($"{receipt} を選択").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("変更後の状態").FocusAsync();
        await page.GetByLabel("変更後の状態").SelectOptionAsync(new SelectOptionValue { Label = "確認済" });
        await page.GetByRole(AriaRole.Button, new() { Name = "チェックした意見を変更する" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("?Channel=FieldHearing", StringComparison.Ordinal));

        Assert.Contains($"1件を「確認済」にしました（{receipt}）", await page.Locator("[role=status].notice").TextContentAsync());
        Assert.Equal("確認済", (await page.Locator("tr", new() { Has = page.GetByText(receipt) }).Locator(".inbox-status").First.TextContentAsync())!.Trim());
    }
}

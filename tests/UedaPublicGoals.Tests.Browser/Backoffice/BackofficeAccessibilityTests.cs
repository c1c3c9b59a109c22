using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.Backoffice;

/// <summary>
/// The backoffice on a phone and a laptop: axe finds no WCAG 2.1 A/AA violation, nothing scrolls
/// sideways at 360px, controls are tap-sized, and the form is safe to drive from the keyboard.
/// </summary>
[Collection(BackofficeBrowserCollection.Name)]
public sealed class BackofficeAccessibilityTests(BackofficeBrowserPortal portal)
{
    public static TheoryData<string, int> PagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in new[] { "login", "tree", "goal-editor", "goal-editor-with-errors", "page-editor", "approvals" })
        {
            data.Add(page, 360);
            data.Add(page, 1280);
        }

        return data;
    }

    /// <summary>Opens one of the backoffice pages by name, signed in as 広報 unless it is the login page.</summary>
    private async Task<IPage> OpenAsync(IBrowserContext context, string name)
    {
        if (name == "login")
        {
            var login = await context.NewPageAsync();
            await login.OpenAsync("/backoffice/login");
            return login;
        }

        var page = await portal.SignedInPageAsync(context, BackofficeBrowserPortal.PublicRelationsEmail);
        switch (name)
        {
            case "goal-editor":
                await page.OpenAsync($"/backoffice/goals/{portal.GoalId("sogo-keikaku")}");
                break;
            case "goal-editor-with-errors":
                await page.OpenAsync($"/backoffice/goals/{portal.GoalId("smart-city")}");
                await page.Locator("#Title").FillAsync("");
                await page.Locator("#Initiatives_0__MidtermReport_Status").SelectOptionAsync(new SelectOptionValue { Label = "遅れ" });
                await page.Locator("button[value=save]").First.ClickAsync();
                await page.Locator(".error-summary").WaitForAsync();
                break;
            case "page-editor":
                await page.GetByRole(AriaRole.Link, new() { Name = "このサイトについて", Exact = true }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "本文のプレビューを表示" }).ClickAsync();
                await page.Locator("#body-preview").WaitForAsync();
                break;
            case "approvals":
                await page.OpenAsync("/backoffice/approvals");
                break;
        }

        return page;
    }

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task Axe_finds_no_wcag21_a_or_aa_violations(string name, int width)
    {
        await using var context = await portal.NewContextAsync(width, 900);
        var page = await OpenAsync(context, name);
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

        await page.AssertNoAxeViolationsAsync($"{name} at {width}px");
    }

    [Theory]
    [InlineData("goal-editor")]
    [InlineData("goal-editor-with-errors")]
    [InlineData("tree")]
    public async Task At_360px_nothing_scrolls_sideways_and_every_button_and_field_is_at_least_44px_tall(string name)
    {
        await using var context = await portal.NewContextAsync(360, 740);
        var page = await OpenAsync(context, name);

        var scrollWidth = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"{name} is {scrollWidth}px wide at 360px.");

        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main button, main input:not([type=hidden]):not([type=checkbox]), main select, main textarea, .checkbox-grid li')]
              .filter(el => el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().height < 44)
              .map(el => `${el.tagName.toLowerCase()}#${el.id} "${(el.textContent || el.value || '').trim().slice(0, 30)}" ${el.getBoundingClientRect().height}px`)
            """);
        Assert.True(small.Length == 0, $"{name}: controls lower than 44px:\n" + string.Join("\n", small));
    }

    [Fact]
    public async Task Enter_in_a_text_field_saves_the_draft_and_never_presses_a_remove_button()
    {
        await using var context = await portal.NewContextAsync(1280, 900);
        await portal.SignInAsync(context, BackofficeBrowserPortal.PublicRelationsEmail);
        var page = await context.NewPageAsync();
        await page.OpenAsync($"/backoffice/goals/{portal.GoalId("sogo-keikaku")}");
        var initiatives = await page.Locator("fieldset.editor-item--initiative").CountAsync();

        await page.Locator("#Initiatives_0__Title").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".notice[role=status]").WaitForAsync();

        Assert.Contains("変更はありませんでした", await page.Locator(".notice[role=status]").First.InnerTextAsync());
        Assert.Equal(initiatives, await page.Locator("fieldset.editor-item--initiative").CountAsync());
    }

    [Fact]
    public async Task The_add_buttons_work_from_the_keyboard()
    {
        await using var context = await portal.NewContextAsync(1280, 900);
        await portal.SignInAsync(context, BackofficeBrowserPortal.PublicRelationsEmail);
        var page = await context.NewPageAsync();
        await page.OpenAsync($"/backoffice/goals/{portal.GoalId("sogo-keikaku")}");
        var initiatives = await page.Locator("fieldset.editor-item--initiative").CountAsync();

        // Tab from the last field before the button, as a keyboard user would reach it.
        await page.Locator($"#Initiatives_{initiatives - 1}__FinalReport_Text").FocusAsync();
        for (var i = 0; i < 10 && !await page.EvaluateAsync<bool>("() => document.activeElement.value === 'add-initiative'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("add-initiative", await page.EvaluateAsync<string>("() => document.activeElement.value"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith($"#initiative-{initiatives + 1}", StringComparison.Ordinal));
        Assert.Equal(initiatives + 1, await page.Locator("fieldset.editor-item--initiative").CountAsync());
        Assert.Contains("追加しました", await page.Locator(".notice[role=status]").First.InnerTextAsync());
    }
}

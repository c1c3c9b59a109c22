using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.BackofficeAdmin;

/// <summary>
/// The 予約一覧 and 公開セット pages and the editors' media picker on a phone and a desktop: axe finds no
/// WCAG 2.1 A/AA violation, nothing scrolls sideways at 360 px, and with JavaScript the picker inserts the
/// Markdown at the cursor of the editor's textarea.
/// </summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class ScheduleAndPickerBrowserTests(AdminBrowserPortal portal)
{
    private string AboutEditor => $"/backoffice/pages/{portal.Services.GetRequiredService<PublishedContentCache>().Current.FindPage("about")!.DocumentId}";

    private static async Task AssertFitsAsync(IPage page, int width, string where)
    {
        await page.AssertNoAxeViolationsAsync($"{where} at {width}px");
        if (width == 360)
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{where} scrolls sideways by {overflow}px at 360px.");
        }
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task The_schedule_list_and_a_set_are_accessible(int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        await portal.SignInAsync(context);
        var page = await context.NewPageAsync();

        // Create a set through the form, first showing its errors.
        await page.GotoAsync("/backoffice/sets/new");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal("true", await page.GetAttributeAsync("#Name", "aria-invalid"));
        await AssertFitsAsync(page, width, "/backoffice/sets/new with errors");

        await page.FillAsync("#Name", $"令和6年度 中間報告（{width}px）");
        await page.FillAsync("#ReleaseAt", "2099-10-31T09:00");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/backoffice/sets/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main .set-summary")).ToContainTextAsync("2099年10月31日 9:00");
        await AssertFitsAsync(page, width, "a publication set");

        await page.GotoAsync("/backoffice/schedule");
        await Assertions.Expect(page.Locator(".set-table")).ToContainTextAsync($"令和6年度 中間報告（{width}px）");
        await AssertFitsAsync(page, width, "/backoffice/schedule");
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task The_picker_its_alt_text_error_and_its_snippet_page_are_accessible(int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        await portal.SignInAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/backoffice/media/picker?returnTo={Uri.EscapeDataString(AboutEditor)}&field=Body");
        await AssertFitsAsync(page, width, "the media picker");

        var card = page.Locator(".media-card", new PageLocatorOptions { HasText = "castle.png" });
        await card.Locator("input[name=alt]").FillAsync("");
        await card.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(card.Locator(".form-error")).ToContainTextAsync("代替テキスト");
        await AssertFitsAsync(page, width, "the media picker with an alt text error");

        await page.Locator(".media-card", new PageLocatorOptions { HasText = "castle.png" }).Locator("input[name=alt]").FillAsync("上田城の櫓");
        await page.Locator(".media-card", new PageLocatorOptions { HasText = "castle.png" }).Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#picked-snippet")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^!\[上田城の櫓\]\(/media/"));
        await AssertFitsAsync(page, width, "the picked snippet");
    }

    [Fact]
    public async Task With_javascript_the_picker_inserts_the_markdown_at_the_cursor()
    {
        await using var context = await portal.NewContextAsync(1280, 900);
        await portal.SignInAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(AboutEditor);
        var body = page.Locator("#Body");
        await body.FillAsync("前の段落\n\n後の段落");
        await body.EvaluateAsync("b => b.setSelectionRange(6, 6)"); // between the two paragraphs

        var popupOpened = page.WaitForPopupAsync();
        await page.ClickAsync("a[data-media-picker]");
        var popup = await popupOpened;
        var card = popup.Locator(".media-card", new PageLocatorOptions { HasText = "castle.png" });
        await card.Locator("input[name=alt]").FillAsync("上田城の櫓");
        var closed = new TaskCompletionSource();
        popup.Close += (_, _) => closed.TrySetResult();
        await card.Locator("button[type=submit]").ClickAsync();
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var value = await body.InputValueAsync();
        Assert.Matches(@"^前の段落\n\n!\[上田城の櫓\]\(/media/[^)]+\)後の段落$", value);
        await Assertions.Expect(page.Locator(".media-picker__status")).ToHaveTextAsync("画像の Markdown を挿入しました。");
    }
}

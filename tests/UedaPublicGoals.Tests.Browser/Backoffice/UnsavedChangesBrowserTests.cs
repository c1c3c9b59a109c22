using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.Backoffice;

/// <summary>
/// Leaving the goal editor with typed, unsaved text asks first (beforeunload); saving never asks; and
/// 「予約を保存」 keeps the typed text because it posts the editor form.
/// </summary>
[Collection(BackofficeBrowserCollection.Name)]
public sealed class UnsavedChangesBrowserTests(BackofficeBrowserPortal portal)
{
    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Leaving_the_editor_with_unsaved_text_warns_and_staying_keeps_it(int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        await portal.SignInAsync(context, BackofficeBrowserPortal.PublicRelationsEmail);
        var page = await context.NewPageAsync();
        var editor = $"/backoffice/goals/{portal.GoalId("sogo-keikaku")}";
        await page.OpenAsync(editor);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync(); // 「このページにとどまる」
        };

        // Nothing typed yet: leaving does not ask.
        await page.Locator("#Initiatives_0__MidtermReport_Text").FocusAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "コンテンツの一覧へ戻る" }).ClickAsync();
        // Arriving is enough: a beforeunload dialog comes before the navigation and, dismissed, would have stopped it.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/backoffice/");
        Assert.Empty(dialogs);
        Assert.Equal("/backoffice/", new Uri(page.Url).AbsolutePath);

        await page.OpenAsync(editor);
        await page.Locator("#Initiatives_0__MidtermReport_Text").FillAsync("まだ保存していない報告");
        await page.GetByRole(AriaRole.Link, new() { Name = "コンテンツの一覧へ戻る" }).ClickAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(["beforeunload"], dialogs);
        Assert.EndsWith(editor, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("まだ保存していない報告", await page.Locator("#Initiatives_0__MidtermReport_Text").InputValueAsync());

        await page.AssertNoAxeViolationsAsync($"goal-editor-unsaved at {width}px");
    }

    [Fact]
    public async Task Scheduling_saves_the_typed_text_without_a_warning()
    {
        await using var context = await portal.NewContextAsync(1280, 900);
        await portal.SignInAsync(context, BackofficeBrowserPortal.PublicRelationsEmail);
        var page = await context.NewPageAsync();
        var editor = $"/backoffice/goals/{portal.GoalId("gakuen-toshi")}";
        await page.OpenAsync(editor);
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

        await page.Locator("#Initiatives_0__MidtermReport_Status").SelectOptionAsync(new SelectOptionValue { Label = "順調" });
        await page.Locator("#Initiatives_0__MidtermReport_Text").FillAsync("予約の前に書いた報告");
        await page.GetByLabel("公開予約日時（日本時間）").FillAsync("2099-04-01T09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "予約を保存" }).ClickAsync();
        await page.Locator(".notice[role=status]").First.WaitForAsync();

        Assert.Equal(0, dialogs);
        Assert.Contains("として下書きを保存しました", await page.Locator(".notice[role=status]").First.InnerTextAsync());
        Assert.Equal("予約の前に書いた報告", await page.Locator("#Initiatives_0__MidtermReport_Text").InputValueAsync());
    }
}

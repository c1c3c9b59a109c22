using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.FeedbackForm;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.Readable;

/// <summary>
/// 「この取組について意見を送る」 on a phone: the form opens with 分野 and the goal chosen and the text
/// box in the first screen; 送信する is on screen on the confirmation page; Back after the thanks
/// page shows the form, not the browser's resubmission page.
/// </summary>
[Collection(FeedbackBrowserCollection.Name)]
public sealed class CommentFromInitiativeBrowserTests(FeedbackBrowserPortal portal)
{
    [Fact]
    public async Task From_an_initiative_row_to_thanks_and_back_without_a_resubmission_page()
    {
        var page = await portal.NewPhonePageAsync();
        await page.OpenAsync(SitePages.Koho.Url);
        await page.Locator("#initiative-2 .initiative__comment a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/iken/dai3ji-sogo-keikaku/?goal=", StringComparison.Ordinal) && url.EndsWith("&initiative=2", StringComparison.Ordinal));

        Assert.Equal("情報発信・広報", await page.Locator("input[name=Field]:checked").InputValueAsync());
        Assert.Equal("2", await page.Locator("input[name=Initiative]").InputValueAsync());
        Assert.Contains(SitePages.Koho.SecondInitiative, await page.Locator(".feedback-goal").InnerTextAsync());
        var text = await page.Locator("#Text").BoundingBoxAsync();
        Assert.True(text is not null && text.Y + 40 <= 740, $"the text box starts at {text?.Y}px, not in the first screen");

        await page.Locator("#Text").FillAsync("研修の内容を市民向けにも公開してほしいです。");
        await page.Locator("label[for=Consent]").ClickAsync();
        await page.Locator("#comment-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/confirm", StringComparison.Ordinal));
        Assert.Contains(SitePages.Koho.SecondInitiative, await page.Locator("main").InnerTextAsync());
        var send = await page.Locator("#confirm-form button[type=submit]:not([formaction])").BoundingBoxAsync();
        Assert.True(send is not null && send.Y + send.Height <= 740, $"送信する ends at {send?.Y + send?.Height}px, below the first screen");

        await page.Locator("#confirm-form button[type=submit]:not([formaction])").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/thanks?r=", StringComparison.Ordinal), new() { Timeout = 30_000 });
        Assert.Matches(@"^R\d+-\d{6}$", (await page.Locator(".receipt__number").InnerTextAsync()).Trim());

        // Back: the form again (a fresh GET), never net::ERR_CACHE_MISS / 「フォームの再送信の確認」.
        var back = await page.GoBackAsync();
        Assert.NotNull(back);
        Assert.Equal(200, back!.Status);
        Assert.Contains("/iken/dai3ji-sogo-keikaku/?goal=", page.Url);
        Assert.Equal(1, await page.Locator("#comment-form").CountAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using static UedaPublicGoals.Tests.Browser.Infrastructure.PageChecks;

namespace UedaPublicGoals.Tests.Browser.FeedbackForm;

/// <summary>The 17-year-old on a phone, keyboard only: goal page → form → confirmation → 受付番号.</summary>
[Collection(FeedbackBrowserCollection.Name)]
public sealed class KeyboardCommentFlowTests(FeedbackBrowserPortal portal)
{
    [Fact]
    public async Task From_a_goal_page_to_the_receipt_number_with_the_keyboard_alone()
    {
        var page = await portal.NewPhonePageAsync();
        await page.OpenAsync(SitePages.Koho.Url);

        await page.TabToAsync("a.button[href^='/iken/']");
        Assert.Equal("この目標に意見を送る", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/iken/dai3ji-sogo-keikaku/?goal=", StringComparison.Ordinal));
        Assert.Contains(SitePages.Koho.Title, await page.Locator("main").InnerTextAsync());

        const string Comment = "LINEのお知らせは見やすいです。高校生向けの情報も増やしてほしいです。";
        await page.TabToAsync("#Text");
        await page.Keyboard.InsertTextAsync(Comment);
        Assert.Contains($"いま{Comment.Length}文字です", await page.Locator("#Text-counter").InnerTextAsync());

        await page.TabToAsync("input[name=Field]");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("input[name=AgeGroup]");
        await page.Keyboard.PressAsync("ArrowDown"); // 中学生以下 → 高校生
        await page.TabToAsync("input[name=Residence]");
        await page.Keyboard.PressAsync("Space");
        var confirmText = await page.ConsentAndConfirmAsync();
        Assert.Contains(Comment, confirmText);
        Assert.Contains("高校生", confirmText);
        Assert.Contains("上田市内", confirmText);

        // 送信する right away: the script finishes the proof-of-work, then sends.
        await page.SendAsync();

        var receipt = (await page.Locator(".receipt__number").InnerTextAsync()).Trim();
        Assert.Matches(@"^R\d+-\d{6}$", receipt);
        await portal.WithDbAsync(async db =>
        {
            var stored = await db.Comments.AsNoTracking().SingleAsync(c => c.ReceiptNumber == receipt);
            Assert.Equal(Comment, stored.Text);
            Assert.Equal(AgeGroup.HighSchool, stored.AgeGroup);
            Assert.Equal(Residence.InUeda, stored.Residence);
            Assert.Equal("seisaku-kikaku", stored.DepartmentSlug);
            Assert.NotNull(stored.RoutingRuleId);
        });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The thanks page scrolls sideways at 360 px.");
    }

    [Fact]
    public async Task Without_javascript_the_form_still_reaches_the_confirmation_and_explains_the_wait()
    {
        var page = await portal.NewPhonePageAsync(javaScriptEnabled: false);
        await page.OpenAsync("/iken/dai3ji-sogo-keikaku/");
        Assert.Contains("10文字以上、2,000文字以内", await page.Locator("#Text-hint").InnerTextAsync());

        await page.Locator("#Text").FillAsync("JavaScriptなしでも意見を送れるか確かめています。");
        await page.Locator("label[for=Field-0]").ClickAsync();
        await page.Locator("label[for=Consent]").ClickAsync();
        await page.Locator("#comment-form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/confirm", StringComparison.Ordinal));
        Assert.Contains("秒ほどたってから「送信する」を押してください", await page.Locator("main").InnerTextAsync());
    }
}

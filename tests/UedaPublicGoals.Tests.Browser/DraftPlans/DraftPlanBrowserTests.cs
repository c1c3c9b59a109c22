using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.FeedbackForm;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.DraftPlans;

/// <summary>Reading the draft plan and commenting on one paragraph on a phone, by keyboard, with and without JavaScript.</summary>
[Collection(DraftPlanBrowserCollection.Name)]
public sealed class DraftPlanBrowserTests(DraftPlanBrowserPortal portal)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_resident_comments_on_a_paragraph_at_360_px_by_keyboard(bool javaScript)
    {
        var page = await portal.NewPageAsync(360, javaScript);
        await page.OpenAsync(DraftPlanBrowserPortal.Url);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The draft page scrolls sideways at 360 px.");

        await page.TabToAsync("#p1-1-2 .draft-paragraph__actions a");
        Assert.Equal("この段落に意見を送る（第1章 第1節 ¶2）", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/iken/dai3ji-sogo-keikaku/?paragraph=", StringComparison.Ordinal));
        Assert.Contains("第1章 第1節 ¶2 への意見として受け付けます", await page.Locator("main").InnerTextAsync());

        var comment = javaScript ? "居場所の話に賛成です。駅の近くにあるとうれしいです。" : "JavaScriptなしでも段落に意見を送れるか確かめています。";
        await page.TabToAsync("#Text");
        await page.Keyboard.InsertTextAsync(comment);
        await page.TabToAsync("input[name=Field]");
        await page.Keyboard.PressAsync("Space");
        var confirm = await page.ConsentAndConfirmAsync();
        Assert.Contains("第1章 第1節 ¶2", confirm);
        Assert.Contains(comment, confirm);

        await page.SendAsync();
        var receipt = (await page.Locator(".receipt__number").InnerTextAsync()).Trim();

        await portal.WithDbAsync(async db =>
        {
            var stored = await db.Comments.AsNoTracking().SingleAsync(c => c.ReceiptNumber == receipt);
            Assert.Equal((comment, "1-1-2"), (stored.Text, stored.ParagraphRef));
            Assert.NotNull(stored.DraftVersionId);
        });

        // Back on the draft, the paragraph counts it.
        await page.OpenAsync(DraftPlanBrowserPortal.Url);
        Assert.Matches(@"寄せられた意見 [1-9]\d*件", await page.Locator("#p1-1-2 .draft-paragraph__count").InnerTextAsync());
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_draft_page_and_the_form_for_a_paragraph_pass_axe(int width)
    {
        var page = await portal.NewPageAsync(width);
        await page.OpenAsync(DraftPlanBrowserPortal.Url);
        await page.AssertNoAxeViolationsAsync($"the draft page at {width} px");

        await page.Locator("#p2-0-1 .draft-paragraph__actions a").ClickAsync();
        await page.WaitForSelectorAsync(".feedback-paragraph");
        await page.AssertNoAxeViolationsAsync($"the form for a paragraph at {width} px");
    }
}

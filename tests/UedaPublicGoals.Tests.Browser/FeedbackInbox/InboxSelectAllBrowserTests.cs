using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.FeedbackInbox;

/// <summary>The inbox list's labelled select-all box (JavaScript shows it) and bulk assignment from the list.</summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class InboxSelectAllBrowserTests(BrowserPortal portal)
{
    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Select_all_checks_every_row_of_the_page_and_the_rows_are_assigned_together(int width, int height)
    {
        var (email, _) = await FeedbackInboxPages.SeedAsync(portal);
        await using var context = await portal.NewContextAsync(width, height);
        await portal.SignInAsync(context, email, FeedbackInboxPages.Password);
        var page = await context.NewPageAsync();
        await page.OpenAsync(FeedbackInboxPages.List + "?Channel=Post");

        var selectAll = page.GetByLabel("件をすべて選択");
        Assert.True(await selectAll.IsVisibleAsync());
        var rows = page.Locator("input[type=checkbox][name='Bulk.Ids']");
        var count = await rows.CountAsync();
        Assert.True(count > 0);

        await selectAll.CheckAsync();
        for (var i = 0; i < count; i++)
        {
            Assert.True(await rows.Nth(i).IsCheckedAsync());
        }

        await rows.First.UncheckAsync();
        Assert.True(await selectAll.EvaluateAsync<bool>("box => box.indeterminate") || count == 1);
        await selectAll.CheckAsync();

        await page.AssertNoAxeViolationsAsync($"inbox-select-all at {width}px");

        await page.GetByLabel("担当者", new() { Exact = true }).SelectOptionAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "チェックした意見を変更する" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("?Channel=Post", StringComparison.Ordinal));
        Assert.Contains($"件を担当者 {email}にしました", await page.Locator("[role=status].notice").TextContentAsync());
        var assignees = await page.Locator("td[data-label='担当']").AllTextContentsAsync();
        Assert.All(assignees, a => Assert.Equal(email, a.Trim()));
    }
}

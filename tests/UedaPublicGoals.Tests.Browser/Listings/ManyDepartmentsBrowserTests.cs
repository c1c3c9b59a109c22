using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Browser.Listings;

/// <summary>
/// The shortened home page, the 部局一覧 and the backoffice tree's department pages and filter at 360 px and
/// 1280 px: no axe violation, nothing scrolls sideways, and the paging and the filter work without JavaScript.
/// Screenshots are saved for a person to look at (bin/…/screenshots/).
/// </summary>
[Collection(ManyDepartmentsBrowserCollection.Name)]
public sealed class ManyDepartmentsBrowserTests(ManyDepartmentsBrowserPortal portal, ITestOutputHelper output)
{
    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (name, path) in new[] { ("home", "/"), ("directory", "/bukyoku/?page=2"), ("tree", "/backoffice/?departmentPage=2"), ("tree-filtered", "/backoffice/?q=%E7%AC%AC2") })
        {
            data.Add(name, path, 360);
            data.Add(name, path, 1280);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Reads_without_violations_or_sideways_scrolling(string name, string path, int width)
    {
        await using var context = await portal.NewContextAsync(width, 900);
        if (path.StartsWith("/backoffice/", StringComparison.Ordinal))
        {
            await portal.SignInAsync(context);
        }

        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        await page.AssertNoAxeViolationsAsync($"{name} at {width}px");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at {width}px.");
        Directory.CreateDirectory(GoalPageScreenshotTests.ScreenshotDirectory);
        var file = Path.Combine(GoalPageScreenshotTests.ScreenshotDirectory, $"many-departments-{name}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine(file);
    }

    [Fact]
    public async Task Without_javascript_the_home_page_leads_to_the_last_directory_page_by_plain_links()
    {
        await using var context = await portal.NewContextAsync(360, 740, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^すべての部局と年度を見る") }).ClickAsync();
        var pages = 1;
        while (await page.Locator("nav .pagination a[rel=next]").CountAsync() > 0)
        {
            await page.Locator("nav .pagination a[rel=next]").ClickAsync();
            pages++;
        }

        Assert.Equal(9, pages); // 26 departments, 3 a page
        Assert.EndsWith("/bukyoku/?page=9", page.Url, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("main .listing-links > li").CountAsync());
    }

    [Fact]
    public async Task Without_javascript_the_tree_filter_is_sent_with_the_enter_key_and_lists_the_matching_departments()
    {
        await using var context = await portal.NewContextAsync(360, 740, javaScriptEnabled: false);
        var page = await portal.SignedInPageAsync(context);

        await page.GetByLabel("部局名で絞り込む").FillAsync("第1");
        await page.GetByLabel("部局名で絞り込む").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).Query.StartsWith("?q=", StringComparison.Ordinal));

        // 第1部 and 第10部–第19部.
        Assert.Equal(11, await page.Locator("section[aria-labelledby=tree-goals] .content-tree > li").CountAsync());
        Assert.Equal("第1", await page.GetByLabel("部局名で絞り込む").InputValueAsync());
    }
}

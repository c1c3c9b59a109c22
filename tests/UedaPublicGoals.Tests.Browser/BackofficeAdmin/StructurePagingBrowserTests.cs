using Microsoft.Playwright;
using UedaPublicGoals.Backoffice.ContentTree;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using UedaPublicGoals.Tests.Common;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Browser.BackofficeAdmin;

/// <summary>The structure page with many departments and a long year: paged, filtered and reordered in a browser.</summary>
[Collection(StructureBrowserCollection.Name)]
public sealed class StructurePagingBrowserTests(StructureBrowserPortal portal, ITestOutputHelper output)
{
    private const string GoalRows = "#departments-heading ~ .structure-list .structure-item--document";

    private async Task<IPage> SignedInAsync(IBrowserContext context)
    {
        await portal.SignInAsync(context, PortalFactory.AdminEmail, PortalFactory.DefaultAdminPassword);
        return await context.NewPageAsync();
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Every_page_of_departments_and_goals_has_no_axe_violations_and_nothing_scrolls_sideways(int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        var page = await SignedInAsync(context);

        foreach (var (path, name) in new[]
        {
            ("/backoffice/structure", "first"),
            ($"/backoffice/structure?open={portal.LongYearId}&page=2", "goals-page-2"),
            ("/backoffice/structure?departmentPage=3", "departments-page-3"),
            ("/backoffice/structure?q=" + Uri.EscapeDataString("第1"), "filtered"),
        })
        {
            await page.OpenAsync(path);
            Directory.CreateDirectory(GoalPageScreenshotTests.ScreenshotDirectory);
            var shot = Path.Combine(GoalPageScreenshotTests.ScreenshotDirectory, $"structure-{name}-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            output.WriteLine(shot);

            await page.AssertNoAxeViolationsAsync($"{path} at {width}px");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at {width}px.");
        }

        await page.OpenAsync("/backoffice/structure");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "部局のページ" })).ToContainTextAsync("1 / 3 ページ");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "政策企画部 令和7年度 の重点目標のページ" }))
            .ToContainTextAsync($"1 / 2 ページ");
        await Assertions.Expect(page.GetByLabel("部局名で絞り込む")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_links_the_filter_and_the_move_buttons_reach_and_reorder_every_goal()
    {
        await using var context = await portal.NewContextAsync(360, 740, javaScriptEnabled: false);
        var page = await SignedInAsync(context);
        await page.OpenAsync("/backoffice/structure");

        // The next page of departments, then the filter (a GET form), then a year opened by its link.
        await page.GetByRole(AriaRole.Link, new() { Name = $"次の{TreeOpening.StructureDepartmentsPerPage}部局" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "部局のページ" })).ToContainTextAsync("2 / 3 ページ");
        await page.GetByLabel("部局名で絞り込む").FillAsync("第12");
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator("#departments-heading ~ .structure-list > .structure-item > h3")).ToHaveTextAsync(["第12部 /bu-012/"]);
        // The filtered department's newest year opens by default; its older year opens by its link.
        await Assertions.Expect(page.Locator(GoalRows)).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("第12部の令和6年度 重点目標の重点目標")]);
        await page.Locator("a[aria-expanded=false]", new() { HasText = "開く：第12部 令和5年度 重点目標" }).ClickAsync();
        await Assertions.Expect(page.Locator(GoalRows)).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("第12部の令和5年度 重点目標の重点目標")]);
        Assert.Contains("q=", page.Url, StringComparison.Ordinal);

        // The last goal of the long year's first page moves down onto the second page: a plain form post.
        await page.OpenAsync($"/backoffice/structure?open={portal.LongYearId}");
        var goals = page.Locator(GoalRows);
        var lastOnFirstPage = await goals.Last.GetAttributeAsync("id");
        await goals.Last.Locator("button[value=Down]", new() { HasText = "↓ 下へ" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal) && url.EndsWith($"#{lastOnFirstPage}", StringComparison.Ordinal));
        Assert.Equal(lastOnFirstPage, await goals.First.GetAttributeAsync("id"));

        // And back up again, so the fixture's order stays as it was for the other test.
        await goals.First.Locator("button[value=Up]", new() { HasText = "↑ 上へ" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("page=2", StringComparison.Ordinal) && url.EndsWith($"#{lastOnFirstPage}", StringComparison.Ordinal));
        Assert.Equal(lastOnFirstPage, await goals.Last.GetAttributeAsync("id"));
    }
}

/// <summary>The portal with three pages of departments on the structure page and a 政策企画部 令和7年度 of two pages of goals.</summary>
public sealed class StructureBrowserPortal : BrowserPortal
{
    public int LongYearId { get; private set; }

    protected override async Task OnStartedAsync()
    {
        await GeneratedDepartments.AddAsync(Services, (3 * TreeOpening.StructureDepartmentsPerPage) - 1, publish: true);
        LongYearId = await LongYear.AddAsync(Services, TreeOpening.StructureGoalsPerPage + 3);
    }
}

[CollectionDefinition(Name)]
public sealed class StructureBrowserCollection : ICollectionFixture<StructureBrowserPortal>
{
    public const string Name = "Backoffice structure page browser";
}

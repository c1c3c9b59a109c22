using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser;

/// <summary>
/// A reader whose browser runs no JavaScript still gets the whole goal sheet: the heading,
/// the initiatives and the KPI sentences are server-rendered HTML.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class GoalPageReadsWithoutJavaScriptTests(BrowserPortal portal)
{
    [Fact]
    public async Task Goal_page_shows_heading_initiatives_and_kpis_with_javascript_disabled()
    {
        await using var context = await portal.NewContextAsync(1280, 900, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(SitePages.Koho.Url);

        var heading = page.Locator("h1");
        Assert.Equal(SitePages.Koho.Title, (await heading.InnerTextAsync()).Trim());
        Assert.True(await heading.IsVisibleAsync());

        var initiatives = page.Locator("#initiatives");
        Assert.True(await initiatives.IsVisibleAsync(), "The 取組項目と進み具合 section is not visible.");
        var initiativeTitles = await page.Locator("#initiatives .initiative__title").AllInnerTextsAsync();
        Assert.Equal(2, initiativeTitles.Count);
        Assert.Contains(initiativeTitles, t => t.Contains(SitePages.Koho.FirstInitiative, StringComparison.Ordinal));
        Assert.Contains(initiativeTitles, t => t.Contains(SitePages.Koho.SecondInitiative, StringComparison.Ordinal));

        var kpiLabel = page.Locator(".kpi__label", new PageLocatorOptions { HasText = SitePages.Koho.KpiLabel });
        Assert.True(await kpiLabel.IsVisibleAsync(), $"KPI label {SitePages.Koho.KpiLabel} is not visible.");
        var kpiTexts = await page.Locator(".kpi__text").AllInnerTextsAsync();
        Assert.Contains(SitePages.Koho.KpiText, kpiTexts.Select(t => t.Trim()));
    }
}

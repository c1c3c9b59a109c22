using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.Readable;

/// <summary>
/// The first screen of a phone (360×740) answers "where does each 取組 stand?": every status of
/// the 6-取組 goal is visible below the title without scrolling, under a header of at most 15 %
/// of the screen; the pages changed for issue 8 have no axe violations at 360 and 1280 px.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class FirstScreenTests(BrowserPortal portal)
{
    [Fact]
    public async Task Every_initiative_status_of_the_six_initiative_goal_is_in_the_first_screen_below_the_title()
    {
        await using var context = await portal.NewContextAsync(360, 740);
        var page = await context.NewPageAsync();
        await page.OpenAsync(SitePages.Goal("sogo-keikaku"));
        await page.WaitForFontsAsync();

        var layout = await page.EvaluateJsonAsync<Layout>("""
            () => {
              const box = el => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
              return {
                header: box(document.querySelector('.site-header')),
                title: box(document.querySelector('h1')),
                states: [...document.querySelectorAll('.status-row')].map(row => box(row.querySelector('.status-row__state .status'))),
                nexts: [...document.querySelectorAll('.status-row')].map(row => box(row.querySelector('.status-row__next'))),
              };
            }
            """);

        Assert.True(layout.Header.Bottom <= 740 * 0.15, $"the header is {layout.Header.Bottom}px tall (at most 111px)");
        Assert.Equal(6, layout.States.Length);
        for (var i = 0; i < layout.States.Length; i++)
        {
            Assert.True(layout.States[i].Top >= layout.Title.Bottom, $"取組{i + 1}'s status is above the title");
            Assert.True(layout.States[i].Bottom <= 740, $"取組{i + 1}'s status ends at {layout.States[i].Bottom}px, below the first screen");
            Assert.True(layout.Nexts[i].Bottom <= 740, $"取組{i + 1}'s next report ends at {layout.Nexts[i].Bottom}px, below the first screen");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the goal page scrolls sideways at 360 px");
    }

    [Theory]
    [InlineData("/tasseido/", 360, 740)]
    [InlineData("/tasseido/", 1280, 900)]
    [InlineData("/seisaku-kikaku/r6/smart-city/", 360, 740)]
    [InlineData("/seisaku-kikaku/r6/smart-city/", 1280, 900)]
    [InlineData("/seisaku-kikaku/r6/gakuen-toshi/", 360, 740)]
    [InlineData("/seisaku-kikaku/r6/gakuen-toshi/", 1280, 900)]
    [InlineData("/seisaku-kikaku/", 360, 740)]
    public async Task Pages_changed_for_issue_8_have_no_axe_violations(string path, int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await page.WaitForFontsAsync();
        await page.AssertNoAxeViolationsAsync($"{path} at {width}×{height}");
    }

    private sealed record Box(double Top, double Bottom);

    private sealed record Layout(Box Header, Box Title, Box[] States, Box[] Nexts);
}

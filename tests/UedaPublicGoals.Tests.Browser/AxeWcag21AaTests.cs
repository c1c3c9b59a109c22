using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser;

/// <summary>
/// axe-core finds no WCAG 2.0/2.1 A or AA violation on the main page types, on a phone
/// (360×740) and on a desktop (1280×900) screen.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class AxeWcag21AaTests(BrowserPortal portal)
{
    private const int ShownTargets = 3;

    public static TheoryData<string, int, int> PagesAndViewports()
    {
        string[] paths =
        [
            SitePages.Home,
            SitePages.Year,
            SitePages.Goal("koho"),
            SitePages.Goal("sogo-keikaku"),
            SitePages.FuriganaGoal("sogo-keikaku"),
            SitePages.FuriganaGoal("koho"),
            SitePages.Glossary,
            SitePages.Privacy,
            SitePages.ApiGuide,
            SitePages.OpenData,
            SitePages.NotFound,
        ];
        var data = new TheoryData<string, int, int>();
        foreach (var path in paths)
        {
            data.Add(path, 360, 740);
            data.Add(path, 1280, 900);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndViewports))]
    public async Task Axe_finds_no_wcag21_a_or_aa_violations(string path, int width, int height)
    {
        await using var context = await portal.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await page.WaitForFontsAsync();

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0, Describe(path, width, height, result));
        Assert.NotEmpty(result.Passes); // axe really ran against the page
    }

    private static string Describe(string path, int width, int height, AxeResult result)
    {
        var message = new StringBuilder($"axe found {result.Violations.Length} violation(s) on {path} at {width}×{height}:");
        foreach (var violation in result.Violations)
        {
            message.Append($"\n- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.Nodes.Length} element(s)) {violation.HelpUrl}");
            foreach (var node in violation.Nodes.Take(ShownTargets))
            {
                message.Append($"\n    {node.Target}  {Shorten(node.Html)}");
            }

            if (violation.Nodes.Length > ShownTargets)
            {
                message.Append($"\n    … and {violation.Nodes.Length - ShownTargets} more");
            }
        }

        return message.ToString();
    }

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 120 ? html : html[..120] + "…";
}

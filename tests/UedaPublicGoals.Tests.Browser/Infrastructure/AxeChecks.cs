using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace UedaPublicGoals.Tests.Browser.Infrastructure;

/// <summary>axe-core over the page as it is now: no WCAG 2.0/2.1 A or AA violation, listed readably when there are.</summary>
public static class AxeChecks
{
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        await page.WaitForFontsAsync();
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var message = new StringBuilder($"axe found {result.Violations.Length} violation(s) on {state}:");
        foreach (var violation in result.Violations)
        {
            message.Append($"\n- {violation.Id} [{violation.Impact}] {violation.Help}");
            foreach (var node in violation.Nodes.Take(3))
            {
                message.Append($"\n    {node.Target}  {node.Html?[..Math.Min(node.Html.Length, 140)]}");
            }
        }

        Assert.True(result.Violations.Length == 0, message.ToString());
        Assert.NotEmpty(result.Passes);
    }
}

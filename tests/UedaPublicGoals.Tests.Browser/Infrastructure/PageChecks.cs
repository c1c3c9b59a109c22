using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace UedaPublicGoals.Tests.Browser.Infrastructure;

/// <summary>What the keyboard and accessibility tests of the resident's forms check the same way.</summary>
public static class PageChecks
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (at most 80 presses).</summary>
    public static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {selector}; focus is on {await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 200)")}");
    }

    /// <summary>axe-core finds no WCAG 2.0/2.1 A or AA violation on the page as it is now.</summary>
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

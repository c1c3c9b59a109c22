using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace UedaPublicGoals.Tests.Browser.Infrastructure;

/// <summary>What many browser tests do to a page: move by keyboard, and ask axe for WCAG 2.1 A/AA violations.</summary>
public static class PageChecks
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (at most <paramref name="presses"/> presses).</summary>
    public static async Task TabToAsync(this IPage page, string selector, int presses = 80)
    {
        for (var i = 0; i < presses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {selector}; focus is on {await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 200)")}");
    }

    /// <summary>axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) finds nothing; the message lists what it found, naming <paramref name="state"/>.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page, string state)
    {
        await page.WaitForFontsAsync();
        // axe.run in the page itself (the library's legacy mode) instead of its default, which runs axe per frame,
        // sends the partial results back and forth and merges them in a new blank page: the same rules and the same
        // violations at about a third of the time. Nodes are reported in full for violations only; passes and the
        // rest keep one node per rule (axe's resultTypes option), which spares axe building a selector for each.
#pragma warning disable CS0618 // RunAxeLegacy is marked as to be removed in a future Deque.AxeCore.Playwright.
        var result = await page.RunAxeLegacy(options: new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618
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

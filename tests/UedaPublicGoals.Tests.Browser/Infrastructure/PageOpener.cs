using System.Text.Json;
using Microsoft.Playwright;

namespace UedaPublicGoals.Tests.Browser.Infrastructure;

public static class PageOpener
{
    /// <summary>
    /// Opens <paramref name="path"/> and checks the status: 404 for <see cref="SitePages.NotFound"/>, 200 otherwise.
    /// Waits for the load event (stylesheets applied) and, when scripts run, for the web fonts.
    /// </summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string path)
    {
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"No response for {path}.");
        var expected = path == SitePages.NotFound ? 404 : 200;
        Assert.True(response.Status == expected, $"{path} answered {response.Status}, expected {expected}.");
        return response;
    }

    /// <summary>
    /// Runs <paramref name="function"/> in the page and reads its result with System.Text.Json:
    /// Playwright's own result converter does not fill nested lists of plain classes.
    /// </summary>
    public static async Task<T> EvaluateJsonAsync<T>(this IPage page, string function)
    {
        var json = await page.EvaluateAsync<string>($"() => JSON.stringify(({function})())");
        return JsonSerializer.Deserialize<T>(json, JsonOptions)
            ?? throw new InvalidOperationException("The page script returned null.");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static Task WaitForFontsAsync(this IPage page) => page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
}

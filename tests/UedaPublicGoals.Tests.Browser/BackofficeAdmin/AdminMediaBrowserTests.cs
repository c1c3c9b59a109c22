using Microsoft.Playwright;

namespace UedaPublicGoals.Tests.Browser.BackofficeAdmin;

/// <summary>Uploading through the real form in Chromium: each generated format is accepted and its thumbnail actually decodes.</summary>
[Collection(AdminBrowserCollection.Name)]
public sealed class AdminMediaBrowserTests(AdminBrowserPortal portal)
{
    public static TheoryData<string, string, int, int> Images() => new()
    {
        { "sakura.png", "image/png", 30, 20 },
        { "sakura.jpg", "image/jpeg", 24, 16 },
        { "sakura.webp", "image/webp", 40, 10 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task An_uploaded_image_is_listed_with_a_thumbnail_that_decodes(string fileName, string mimeType, int width, int height)
    {
        var bytes = mimeType switch
        {
            "image/png" => TestImages.Png(width, height),
            "image/jpeg" => TestImages.Jpeg(width, height),
            _ => TestImages.WebP(width, height),
        };
        await using var context = await portal.NewContextAsync(360, 740);
        await portal.SignInAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backoffice/media");

        await page.SetInputFilesAsync("#File", new FilePayload { Name = fileName, MimeType = mimeType, Buffer = bytes });
        await page.FillAsync("#AltText", $"テスト画像 {fileName}");
        await page.ClickAsync("main form[action='/backoffice/media'] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("uploaded=", StringComparison.Ordinal));

        var card = page.Locator(".media-card--new");
        await Assertions.Expect(card).ToContainTextAsync($"テスト画像 {fileName}");
        var thumbnail = card.Locator("img");
        await Assertions.Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(width, await thumbnail.EvaluateAsync<int>("img => img.naturalWidth"));
        Assert.Equal(height, await thumbnail.EvaluateAsync<int>("img => img.naturalHeight"));
    }

    [Fact]
    public async Task The_copy_button_puts_the_markdown_snippet_on_the_clipboard()
    {
        await using var context = await portal.NewContextAsync(1280, 900);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await portal.SignInAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backoffice/media");

        var card = page.Locator(".media-card", new PageLocatorOptions { HasText = "上田城跡公園の櫓" });
        var button = card.Locator("button[data-copy-source]");
        await Assertions.Expect(button).ToBeVisibleAsync(); // shown only when the script runs
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(card.Locator("[role=status]")).ToHaveTextAsync("コピーしました");
        var snippet = await card.Locator("input[readonly]").InputValueAsync();
        Assert.StartsWith("![上田城跡公園の櫓](/media/", snippet);
        Assert.Equal(snippet, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }
}

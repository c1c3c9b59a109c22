using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Browser.Backoffice;

/// <summary>
/// The 取り込み preview in Chromium at 360 and 1280 px: axe finds nothing, nothing scrolls sideways
/// (screenshots in bin/…/screenshots/ to look at), and the four seed sheets come in with a few clicks.
/// </summary>
[Collection(BackofficeBrowserCollection.Name)]
public sealed class SheetImportBrowserTests(BackofficeBrowserPortal portal, ITestOutputHelper output)
{
    private static string Workbook => Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "seisaku-kikaku-r6.xlsx");

    /// <summary>The text export with a 中間報告 filled in (a change to preview) or with a problem.</summary>
    private static string TextExport(string kind)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.ContentSeed, "source", "000_f0ef5d43f29e02bf.txt"));
        var row = Array.FindIndex(lines, l => l.StartsWith("①\t○ 市民が共感できる効果的な情報発信の推進", StringComparison.Ordinal));
        var cells = lines[row].Split('\t');
        cells[4] = kind == "changes" ? "【順調】LINE友だち登録者数 15,200人、YouTubeアカウント登録者数 6,300人。" : "登録者が増えた。";
        lines[row] = string.Join('\t', cells);
        var path = Path.Combine(Directory.CreateTempSubdirectory("ueda-import-").FullName, $"export-{kind}.txt");
        File.WriteAllText(path, string.Join('\n', lines).Replace("部局名\t政策企画部\t優先順位\t2位", kind == "changes" ? "部局名\t政策企画部\t優先順位\t2位" : "部局名\t未来創造部\t優先順位\t2位"), Encoding.UTF8);
        return path;
    }

    private async Task<IPage> PreviewAsync(IBrowserContext context, string file)
    {
        await portal.SignInAsync(context, BackofficeBrowserPortal.PublicRelationsEmail);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/backoffice/import");
        await page.GetByLabel("重点目標管理シートのファイル").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "読み込んで確認する" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "取り込みの確認", Level = 1 }).WaitForAsync();
        return page;
    }

    [Theory]
    [InlineData("changes", 360)]
    [InlineData("changes", 1280)]
    [InlineData("problems", 360)]
    [InlineData("problems", 1280)]
    public async Task The_preview_has_no_axe_violations_and_fits_the_width(string kind, int width)
    {
        await using var context = await portal.NewContextAsync(width, 900);
        var page = await PreviewAsync(context, TextExport(kind));
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        Directory.CreateDirectory(GoalPageScreenshotTests.ScreenshotDirectory);
        var shot = Path.Combine(GoalPageScreenshotTests.ScreenshotDirectory, $"import-preview-{kind}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine(shot);

        await page.AssertNoAxeViolationsAsync($"import-preview-{kind} at {width}px");
        Assert.True(await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth") <= width);
        if (kind == "problems")
        {
            Assert.Contains("シート2 E39：部局名「未来創造部」の部局は登録されていません", await page.Locator("[role=alert]").InnerTextAsync());
        }
        else
        {
            Assert.Contains("① 中間報告", await page.Locator("main").InnerTextAsync());
        }
    }

    /// <summary>Prints the time and the clicks a 広報 officer needs to bring the four sheets in from one workbook.</summary>
    [Fact]
    public async Task The_four_seed_sheets_come_in_from_one_workbook_in_four_clicks()
    {
        await using var context = await portal.NewContextAsync(1280, 900);
        var page = await portal.SignedInPageAsync(context, BackofficeBrowserPortal.PublicRelationsEmail);
        var clicks = 0;
        var watch = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Link, new() { Name = "取り込み", Exact = true }).ClickAsync();
        clicks++;
        await page.GetByLabel("重点目標管理シートのファイル").SetInputFilesAsync(Workbook); // the file chooser: one click and a double-click on the file
        clicks++;
        await page.GetByRole(AriaRole.Button, new() { Name = "読み込んで確認する" }).ClickAsync();
        clicks++;
        await page.GetByRole(AriaRole.Button, new() { Name = "下書きとして取り込む" }).ClickAsync();
        clicks++;
        var notice = await page.Locator(".notice[role=status]").First.InnerTextAsync();
        watch.Stop();
        Assert.Contains("seisaku-kikaku-r6.xlsx」を取り込みました", notice);
        Assert.Equal(4, clicks);
        output.WriteLine($"import of the four sheets: {clicks} clicks, {watch.Elapsed.TotalSeconds:0.0} s in the browser (without reading time)");
    }
}

using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.ResultNotice;
using UedaPublicGoals.Tests.Browser.FeedbackForm;
using UedaPublicGoals.Tests.Browser.FeedbackInbox;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.ResultNotice;

/// <summary>
/// A site whose default consultation holds 240 generated opinions with a published 結果公示. A
/// fixture of its own: those opinions must not show up in the other public pages' tests.
/// </summary>
public sealed class ResultNoticeBrowserPortal : BrowserPortal
{
    public string OfficerEmail { get; private set; } = "";

    public int ConsultationId { get; private set; }

    protected override async Task OnStartedAsync()
    {
        ConsultationId = await GeneratedOpinions.DefaultConsultationIdAsync(Services);
        await GeneratedOpinions.ConfigureNoticeAsync(Services, ConsultationId, new DateOnly(2026, 9, 15),
            "## 第2章の変更\n\n- 「若者の参画」の節を加えました\n- 公共交通の数値目標を見直しました");
        await GeneratedOpinions.AddAsync(Services, ConsultationId, 240);
        using var scope = Services.CreateScope();
        var published = await scope.ServiceProvider.GetRequiredService<ResultNoticeService>().PublishAsync(ConsultationId, "tanto@example.jp");
        Assert.Equal(PublishOutcome.Published, published.Outcome);
        (OfficerEmail, _) = await FeedbackInboxPages.SeedAsync(this);
    }
}

[CollectionDefinition(Name)]
public sealed class ResultNoticeBrowserCollection : ICollectionFixture<ResultNoticeBrowserPortal>
{
    public const string Name = "Result notice browser portal";
}

/// <summary>The notice (screen and print), the participation page and the staff notice page: axe finds nothing at 360 and 1280 px, nothing scrolls sideways.</summary>
[Collection(ResultNoticeBrowserCollection.Name)]
public sealed class ResultNoticeBrowserTests(ResultNoticeBrowserPortal portal)
{
    public static TheoryData<string, int> PagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { "/iken/kekka-koji/dai3ji-sogo-keikaku", "/iken/kekka-koji/dai3ji-sogo-keikaku/print", "/iken/dai3ji-sogo-keikaku/participation", "staff" })
        {
            data.Add(path, 360);
            data.Add(path, 1280);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task Axe_finds_no_wcag21_a_or_aa_violation_and_nothing_scrolls_sideways(string path, int width)
    {
        await using var context = await portal.NewContextAsync(width, width == 360 ? 740 : 900);
        if (path == "staff")
        {
            await portal.SignInAsync(context, portal.OfficerEmail, FeedbackInboxPages.Password);
            path = $"/backoffice/feedback/notice/{portal.ConsultationId}";
        }

        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await page.AssertNoAxeViolationsAsync($"{path} at {width}px");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at {width}px.");
    }

    [Fact]
    public async Task The_notice_reads_without_JavaScript_and_prints_on_A4_without_the_site_navigation()
    {
        await using var context = await portal.NewContextAsync(360, 740, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/iken/kekka-koji/dai3ji-sogo-keikaku");
        Assert.Equal(228, await page.Locator(".notice-opinion").CountAsync());

        await using var printContext = await portal.NewContextAsync(1280, 900);
        var print = await printContext.NewPageAsync();
        await print.OpenAsync("/iken/kekka-koji/dai3ji-sogo-keikaku/print");
        await print.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await print.Locator(".notice-print__screen-only").IsVisibleAsync());
        Assert.Equal(0, await print.Locator("header.site-header, footer.site-footer").CountAsync());
        // Chromium lays the pages out on A4 (595 × 842 pt) when @page asks for it; its default is Letter (612 × 792).
        var pdf = Encoding.Latin1.GetString(await print.PdfAsync(new() { PreferCSSPageSize = true }));
        var box = System.Text.RegularExpressions.Regex.Match(pdf, @"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]");
        Assert.True(box.Success, "the PDF has no MediaBox");
        Assert.InRange(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 597);
        Assert.InRange(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 841, 843);
    }
}

using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.Backoffice;

/// <summary>The stories in a real browser, by clicking and typing as staff do.</summary>
[Collection(BackofficeBrowserCollection.Name)]
public sealed class EditAndPublishInBrowserTests(BackofficeBrowserPortal portal)
{
    private const string KohoTitle = "総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進";
    private const string GakuenToshiTitle = "長野大学の改革促進と学園都市づくりの推進";

    [Fact]
    public async Task Public_relations_write_the_midterm_report_and_a_LINE_value_preview_it_publish_it_and_see_41_percent()
    {
        await using var context = await portal.NewContextAsync(1280, 900);
        var page = await portal.SignedInPageAsync(context, BackofficeBrowserPortal.PublicRelationsEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = KohoTitle, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/backoffice/goals/", StringComparison.Ordinal));
        Assert.Equal("重点目標の編集", (await page.Locator("h1").InnerTextAsync()).Trim());

        // LINE 友だち is KPI 1 of ① (3): "実績を追加" redraws the form with an empty row and opens at it.
        await page.Locator("button[value='add-measurement:1.3.1']").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#initiative-1-measure-3-kpi-1-measurement-1", StringComparison.Ordinal));
        await page.Locator("#Initiatives_0__Measures_2__Kpis_0__Measurements_0__Date").FillAsync("2024-10-01");
        await page.Locator("#Initiatives_0__Measures_2__Kpis_0__Measurements_0__Value").FillAsync("15,200");

        await page.Locator("#Initiatives_0__MidtermReport_Status").SelectOptionAsync(new SelectOptionValue { Label = "順調" });
        await page.Locator("#Initiatives_0__MidtermReport_ReportedOn").FillAsync("2024-10-15");
        await page.Locator("#Initiatives_0__MidtermReport_Text").FillAsync("LINE友だち登録者数は順調に増えています。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存してプレビュー" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/preview", StringComparison.Ordinal));

        var banner = page.Locator(".notice--preview");
        Assert.True(await banner.IsVisibleAsync());
        Assert.Contains("プレビュー", await banner.InnerTextAsync());
        Assert.Equal("noindex, nofollow", await page.Locator("meta[name=robots]").GetAttributeAsync("content"));
        Assert.Equal("41", await page.Locator("progress.kpi__bar").GetAttributeAsync("value"));
        Assert.True(await page.GetByText("LINE友だち登録者数は順調に増えています。").IsVisibleAsync());

        // Residents still see the published version.
        var resident = await context.Browser!.NewContextAsync(new() { BaseURL = portal.RootUri.ToString() });
        var publicPage = await resident.NewPageAsync();
        await publicPage.OpenAsync("/seisaku-kikaku/r6/koho/");
        Assert.Equal(0, await publicPage.Locator("progress.kpi__bar").CountAsync());

        await banner.GetByRole(AriaRole.Link, new() { Name = "編集画面に戻る" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存して公開" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/publish", StringComparison.Ordinal) && new Uri(url).AbsolutePath.StartsWith("/backoffice/goals/", StringComparison.Ordinal));
        Assert.Contains("公開しました", await page.Locator(".notice[role=status]").First.InnerTextAsync());

        await publicPage.OpenAsync("/seisaku-kikaku/r6/koho/");
        Assert.Equal(0, await publicPage.Locator(".notice--preview").CountAsync());
        Assert.Equal("41", await publicPage.Locator("progress.kpi__bar").GetAttributeAsync("value"));
        Assert.True(await publicPage.GetByText("LINE友だち登録者数は順調に増えています。").IsVisibleAsync());
        Assert.Contains("2024年10月1日時点で 15,200人", await publicPage.Locator(".kpi__text").First.InnerTextAsync());
        await resident.CloseAsync();
    }

    [Fact]
    public async Task A_department_author_asks_for_approval_and_public_relations_publish_it()
    {
        await using (var authorContext = await portal.NewContextAsync(360, 740))
        {
            var author = await portal.SignedInPageAsync(authorContext, BackofficeBrowserPortal.DepartmentAuthorEmail);
            await author.GetByRole(AriaRole.Link, new() { Name = GakuenToshiTitle, Exact = true }).ClickAsync();
            await author.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/backoffice/goals/", StringComparison.Ordinal));
            Assert.Equal(0, await author.GetByRole(AriaRole.Button, new() { Name = "保存して公開" }).CountAsync());

            await author.Locator("#Initiatives_0__MidtermReport_Status").SelectOptionAsync(new SelectOptionValue { Label = "やや遅れ" });
            await author.Locator("#Initiatives_0__MidtermReport_Text").FillAsync("法人化に向けた調整に時間を要しています。");
            await author.GetByLabel("広報へのメッセージ").FillAsync("中間報告を入力しました。確認をお願いします。");
            await author.GetByRole(AriaRole.Button, new() { Name = "保存して承認依頼" }).ClickAsync();
            await author.WaitForURLAsync(url => !url.EndsWith("/request-approval", StringComparison.Ordinal));
            Assert.Contains("承認依頼", await author.Locator(".notice[role=status]").First.InnerTextAsync());
            Assert.Contains("承認待ち", await author.Locator(".editor-status").InnerTextAsync());
        }

        await using var prContext = await portal.NewContextAsync(1280, 900);
        var pr = await portal.SignedInPageAsync(prContext, BackofficeBrowserPortal.PublicRelationsEmail);
        await pr.GetByRole(AriaRole.Navigation, new() { Name = "管理画面のメニュー" }).GetByRole(AriaRole.Link, new() { Name = "承認依頼" }).ClickAsync();
        await pr.GetByRole(AriaRole.Link, new() { Name = GakuenToshiTitle, Exact = true }).ClickAsync();
        Assert.Contains("法人化に向けた調整に時間を要しています。", await pr.Locator(".diff-table").InnerTextAsync());
        await pr.GetByRole(AriaRole.Button, new() { Name = "承認して公開する" }).ClickAsync();
        await pr.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/backoffice/approvals");
        Assert.Contains("公開しました", await pr.Locator(".notice[role=status]").First.InnerTextAsync());

        await pr.OpenAsync("/seisaku-kikaku/r6/gakuen-toshi/");
        Assert.True(await pr.GetByText("法人化に向けた調整に時間を要しています。").IsVisibleAsync());
        Assert.Equal("やや遅れ", (await pr.Locator("section[aria-labelledby='initiative-1-midterm'] .status").InnerTextAsync()).Trim());
    }
}

using System.Net;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Content;

/// <summary>Drafts stay private until published; a publish reaches the next request through the output cache.</summary>
public sealed class PublishingTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private Guid GoalId(string slug) =>
        portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal(slug)!.DocumentId;

    [Fact]
    public async Task A_draft_is_invisible_until_published_and_then_shows_on_the_next_request()
    {
        var client = portal.CreatePublicClient();
        const string path = "/seisaku-kikaku/r6/koho/";
        var first = await client.GetAsync(path);
        var cached = await client.GetAsync(path);
        Assert.True(cached.Headers.Age.HasValue, "the second request should be served from the output cache");

        var id = GoalId("koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Initiatives[0].MidtermReport = new ProgressReport { Text = "LINE友だち登録者数は順調に増えています。", Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) };
            draft.Initiatives[0].Measures[2].Kpis[0].Measurements.Add(new KpiMeasurement { Date = new DateOnly(2024, 10, 1), Value = 15200 });
            await store.SaveDraftAsync(id, draft, "test");
        });

        var afterDraft = HtmlText.MainText(await client.GetStringAsync(path));
        Assert.DoesNotContain("順調に増えています", afterDraft);
        Assert.DoesNotContain("15,200人", afterDraft);

        await portal.WithStoreAsync((store, _) => store.PublishAsync(id, "test"));

        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        var main = HtmlText.Collapse(document.QuerySelector("main")!.TextContent);
        Assert.Contains("LINE友だち登録者数は順調に増えています。", main);
        Assert.Contains("2024年10月1日", main);

        // 13,967 -> 17,000 with 15,200 measured: (15,200 - 13,967) / (17,000 - 13,967) = 40.65% -> 41.
        var progress = Assert.Single(document.QuerySelectorAll("progress.kpi__bar"));
        Assert.Equal("41", progress.GetAttribute("value"));
        Assert.Equal("100", progress.GetAttribute("max"));
        var describedBy = progress.GetAttribute("aria-describedby")!;
        Assert.Equal("2024年10月1日時点で 15,200人。目標 17,000人（基準値 13,967人）に対して進捗 41%。", document.GetElementById(describedBy)!.TextContent);

        // The listing pages changed too: their one-line status counts the new report.
        var year = HtmlText.MainText(await client.GetStringAsync("/seisaku-kikaku/r6/"));
        Assert.Contains("取組2件・中間報告 1/2件", year);
        Assert.Contains("順調", year);
    }

    [Fact]
    public async Task Unpublishing_a_goal_takes_it_off_the_public_site()
    {
        var client = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/seisaku-kikaku/r6/smart-city/")).StatusCode);
        await portal.WithStoreAsync((store, _) => store.UnpublishAsync(GoalId("smart-city"), "test"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/seisaku-kikaku/r6/smart-city/")).StatusCode);
        Assert.DoesNotContain("/seisaku-kikaku/r6/smart-city/", await client.GetStringAsync("/seisaku-kikaku/r6/"));
    }

    [Fact]
    public async Task Saving_from_a_stale_copy_is_refused_and_keeps_the_newer_draft()
    {
        var id = GoalId("gakuen-toshi");
        Guid staleStamp = default;
        await portal.WithStoreAsync(async (store, _) => staleStamp = (await store.FindAsync(id))!.ConcurrencyStamp);
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Title = "先に保存した版";
            await store.SaveDraftAsync(id, draft, "editor-a", staleStamp);
        });

        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Title = "古い画面から保存した版";
            await Assert.ThrowsAsync<ContentConflictException>(() => store.SaveDraftAsync(id, draft, "editor-b", staleStamp));
        });

        await portal.WithStoreAsync(async (store, _) => Assert.Equal("先に保存した版", (await store.GetDraftAsync<GoalContent>(id)).Title));
    }

    [Fact]
    public async Task Markup_and_quotes_in_content_are_shown_as_text()
    {
        var id = GoalId("sogo-keikaku");
        const string hostile = "<script>alert(\"x\")</script> & 'quotes' \"double\"";
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Title = hostile;
            draft.Initiatives[0].Title = hostile;
            draft.Initiatives[0].Measures[0].Method = hostile;
            draft.CurrentSituation = "<img src=x onerror=alert(1)> [x](javascript:alert(1))";
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });

        var html = await portal.CreatePublicClient().GetStringAsync("/seisaku-kikaku/r6/sogo-keikaku/");
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;", html);

        var document = HtmlText.Parse(html);
        Assert.Equal(hostile, document.QuerySelector("h1")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("main script, main img"));
        Assert.Contains(hostile, document.Title);
    }
}

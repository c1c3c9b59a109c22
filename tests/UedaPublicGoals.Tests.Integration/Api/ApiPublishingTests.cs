using System.Net;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Api.ApiResponses;

namespace UedaPublicGoals.Tests.Integration.Api;

/// <summary>The API reads only published versions: drafts stay private, a publish shows at once with a new ETag.</summary>
public sealed class ApiPublishingTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_draft_is_never_exposed_and_a_publish_changes_the_answer_and_its_etag()
    {
        var client = portal.CreatePublicClient();
        var id = GoalId(portal, "koho");
        var path = $"/api/v1/goals/{id}";
        const string publishedTitle = "総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進";
        const string draftTitle = "下書き：つながる広報の推進（改訂案）";

        var before = await client.GetAsync(path);
        var etagBefore = before.Headers.ETag!;
        Assert.Equal(publishedTitle, (string?)Parse(await before.Content.ReadAsStringAsync())["title"]);

        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Title = draftTitle;
            draft.Initiatives[0].MidtermReport = new ProgressReport { Text = "LINE友だち登録者数は順調に増えています。", Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) };
            draft.Initiatives[0].Measures[2].Kpis[0].Measurements.Add(new KpiMeasurement { Date = new DateOnly(2024, 10, 1), Value = 15200 });
            await store.SaveDraftAsync(id, draft, "test");
        });

        // Saved but not published: every endpoint still shows the published version.
        var afterDraft = Parse(await client.GetStringAsync(path));
        Assert.Equal(publishedTitle, (string?)afterDraft["title"]);
        Assert.Equal(1, (int)afterDraft["version"]!);
        Assert.Null(afterDraft["initiatives"]![0]!["midtermReport"]!.ToObject<object>());
        var yearAfterDraft = await client.GetStringAsync("/api/v1/departments/seisaku-kikaku/years/2024/goals");
        Assert.Contains(publishedTitle, yearAfterDraft);
        Assert.DoesNotContain(draftTitle, yearAfterDraft);
        var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(etagBefore);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidate)).StatusCode);

        await portal.WithStoreAsync((store, _) => store.PublishAsync(id, "test"));

        var after = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etagBefore, after.Headers.ETag);
        var goal = Parse(await after.Content.ReadAsStringAsync());
        Assert.Equal(draftTitle, (string?)goal["title"]);
        Assert.Equal(2, (int)goal["version"]!);
        var midterm = goal["initiatives"]![0]!["midtermReport"]!;
        Assert.Equal("onTrack", (string?)midterm["status"]);
        Assert.Equal("順調", (string?)midterm["statusLabel"]);
        Assert.Equal("LINE友だち登録者数は順調に増えています。", (string?)midterm["text"]);
        Assert.Equal("2024-10-01", (string?)midterm["reportedOn"]);
        var line = goal["initiatives"]![0]!["measures"]![2]!["kpis"]![0]!;
        Assert.Equal("2024-10-01", (string?)line["latest"]!["date"]);
        Assert.Equal(15200m, (decimal)line["latest"]!["value"]!);
        Assert.Single(line["measurements"]!);
        Assert.Equal("取組2件・中間報告 1/2件", (string?)goal["progress"]!["summary"]);

        // The old ETag no longer matches: a client revalidating gets the new content.
        var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(etagBefore);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
        Assert.Contains(draftTitle, await client.GetStringAsync("/api/v1/departments/seisaku-kikaku/years/r6/goals"));
    }

    [Fact]
    public async Task An_unpublished_goal_disappears_from_the_api()
    {
        var client = portal.CreatePublicClient();
        var id = GoalId(portal, "smart-city");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/goals/{id}")).StatusCode);

        await portal.WithStoreAsync((store, _) => store.UnpublishAsync(id, "test"));

        await AssertErrorAsync(await client.GetAsync($"/api/v1/goals/{id}"), HttpStatusCode.NotFound, "not_found");
        var year = await GetOkJsonAsync(client, "/api/v1/departments/seisaku-kikaku/years/2024/goals");
        Assert.Equal(["sogo-keikaku", "gakuen-toshi", "koho"], year["goals"]!.Select(g => (string)g["slug"]!));
        var departments = await GetOkJsonAsync(client, "/api/v1/departments");
        Assert.Equal(3, (int)departments["departments"]![0]!["fiscalYears"]![0]!["goalCount"]!);
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Scheduling;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>A clock the test moves by hand, so "publish at 10:00" is checked without waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>The portal on a hand-moved clock, with the timer off: the test runs each scheduler pass itself.</summary>
public sealed class ScheduledPortalFactory : PortalFactory
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public Task<IReadOnlyList<ScheduledAction>> RunSchedulerPassAsync() => Services.GetRequiredService<ScheduledPublishingService>().RunOnceAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SchedulingTests : IDisposable
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private readonly ScheduledPortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static string TokyoInput(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Tokyo).ToString("yyyy-MM-dd'T'HH:mm");

    [Fact]
    public async Task A_scheduled_publish_fires_on_the_first_pass_after_its_time_and_is_audited_as_system()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var id = EditorPages.GoalId(portal, "smart-city");
        var editor = $"/backoffice/goals/{id}";
        var client = portal.CreatePublicClient();

        // A draft change, scheduled to go public in an hour (entered in Japan time).
        var form = await session.ReadFormAsync(editor);
        form["Initiatives[0].MidtermReport.Status"] = "OnTrack";
        form["Initiatives[0].MidtermReport.Text"] = "予約公開される中間報告";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync(editor, form)).StatusCode);
        var publishAt = portal.Clock.GetUtcNow().AddHours(1);
        var schedule = (await session.ReadFormAsync(editor)).With("PublishAt", TokyoInput(publishAt));
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"{editor}/schedule", schedule)).StatusCode);

        var stored = await EditorPages.DocumentAsync(portal, id);
        Assert.Equal(new DateTime(publishAt.Year, publishAt.Month, publishAt.Day, publishAt.Hour, publishAt.Minute, 0), stored.ScheduledPublishUtc); // stored in UTC, to the minute
        var editorPage = HtmlText.MainText(await session.Client.GetStringAsync(editor));
        Assert.Contains("公開予約", editorPage);

        Assert.Empty(await portal.RunSchedulerPassAsync());
        Assert.DoesNotContain("予約公開される中間報告", HtmlText.MainText(await client.GetStringAsync("/seisaku-kikaku/r6/smart-city/")));

        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        var done = Assert.Single(await portal.RunSchedulerPassAsync());
        Assert.Equal((id, ScheduledActionKind.Publish), (done.DocumentId, done.Kind));
        Assert.Contains("予約公開される中間報告", HtmlText.MainText(await client.GetStringAsync("/seisaku-kikaku/r6/smart-city/")));

        stored = await EditorPages.DocumentAsync(portal, id);
        Assert.Equal(2, stored.PublishedVersion);
        Assert.Null(stored.ScheduledPublishUtc);
        Assert.Empty(await portal.RunSchedulerPassAsync()); // done once, not again
        var audit = await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.Where(a => a.Target == $"goal:{id}").ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.ContentSchedule && a.Detail!.Contains("（日本時間）"));
        Assert.Contains(audit, a => a.Action == AuditActions.ContentPublish && a.Actor == "system");
    }

    [Fact]
    public async Task A_scheduled_unpublish_takes_the_goal_off_the_site_and_missed_times_run_in_order()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.Administrator);
        var id = EditorPages.GoalId(portal, "gakuen-toshi");
        var editor = $"/backoffice/goals/{id}";
        var client = portal.CreatePublicClient();
        var now = portal.Clock.GetUtcNow();

        var schedule = (await session.ReadFormAsync(editor))
            .With("PublishAt", TokyoInput(now.AddHours(1)))
            .With("UnpublishAt", TokyoInput(now.AddHours(2)));
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"{editor}/schedule", schedule)).StatusCode);

        // The scheduler was down past both times: publish first, then unpublish.
        portal.Clock.Advance(TimeSpan.FromHours(3));
        var done = await portal.RunSchedulerPassAsync();
        Assert.Equal([ScheduledActionKind.Publish, ScheduledActionKind.Unpublish], done.Select(a => a.Kind));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/seisaku-kikaku/r6/gakuen-toshi/")).StatusCode);
        var stored = await EditorPages.DocumentAsync(portal, id);
        Assert.Null(stored.PublishedVersion);
        Assert.Null(stored.ScheduledUnpublishUtc);
        Assert.Equal(2, await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.CountAsync(a => a.Target == $"goal:{id}" && a.Actor == "system")));
    }

    [Fact]
    public async Task Schedule_times_must_be_real_in_the_future_and_in_order()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var id = EditorPages.GoalId(portal, "koho");
        var editor = $"/backoffice/goals/{id}";
        var now = portal.Clock.GetUtcNow();
        var schedule = await session.ReadFormAsync(editor);

        var past = HtmlText.Parse(await (await session.PostAsync($"{editor}/schedule", schedule.With("PublishAt", TokyoInput(now.AddMinutes(-5))))).Content.ReadAsStringAsync());
        Assert.Contains("いまより後の日時にしてください", past.GetElementById("PublishAt-error")!.TextContent);

        var order = HtmlText.Parse(await (await session.PostAsync($"{editor}/schedule", schedule
            .With("PublishAt", TokyoInput(now.AddDays(2))).With("UnpublishAt", TokyoInput(now.AddDays(1))))).Content.ReadAsStringAsync());
        Assert.Contains("公開予約日時より後にしてください", order.GetElementById("UnpublishAt-error")!.TextContent);
        Assert.Equal(TokyoInput(now.AddDays(1)), order.GetElementById("UnpublishAt")!.GetAttribute("value")); // kept as typed

        var nonsense = HtmlText.Parse(await (await session.PostAsync($"{editor}/schedule", schedule.With("PublishAt", "2030-02-30T25:00").With("UnpublishAt", ""))).Content.ReadAsStringAsync());
        Assert.Contains("存在する日時", nonsense.GetElementById("PublishAt-error")!.TextContent);

        var stored = await EditorPages.DocumentAsync(portal, id);
        Assert.Null(stored.ScheduledPublishUtc);
        Assert.Null(stored.ScheduledUnpublishUtc);

        // 9:00 in Tokyo is 0:00 UTC.
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"{editor}/schedule", schedule.With("PublishAt", "2099-04-01T09:00"))).StatusCode);
        Assert.Equal(new DateTime(2099, 4, 1, 0, 0, 0), (await EditorPages.DocumentAsync(portal, id)).ScheduledPublishUtc);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"{editor}/schedule", (await session.ReadFormAsync(editor)).With("command", "clear-schedule"))).StatusCode);
        Assert.Null((await EditorPages.DocumentAsync(portal, id)).ScheduledPublishUtc);
    }
}

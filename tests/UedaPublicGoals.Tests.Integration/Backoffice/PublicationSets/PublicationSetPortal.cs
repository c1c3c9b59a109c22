using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.PublicationSets;
using UedaPublicGoals.Backoffice.Scheduling;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.PublicationSets;

/// <summary>Records every publish batch this node dispatches (not the ones replayed from other nodes).</summary>
public sealed class BatchRecorder : IPublishHandler
{
    private readonly List<PublishBatch> batches = [];

    public IReadOnlyList<PublishBatch> Batches
    {
        get
        {
            lock (batches)
            {
                return batches.ToList();
            }
        }
    }

    public void Clear()
    {
        lock (batches)
        {
            batches.Clear();
        }
    }

    public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        if (!batch.FromOtherNode)
        {
            lock (batches)
            {
                batches.Add(batch);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>The portal on a hand-moved clock with the scheduler timer off, recording publish batches.</summary>
public sealed class PublicationSetPortal : PortalFactory
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public BatchRecorder Recorder { get; } = new();

    public Task RunSchedulerPassAsync() => Services.GetRequiredService<ScheduledPublishingService>().RunOnceAsync();

    /// <summary>The moment <paramref name="fromNow"/> ahead, as staff type it (Japan time, datetime-local).</summary>
    public string TokyoInput(TimeSpan fromNow) => TimeZoneInfo.ConvertTime(Clock.GetUtcNow().Add(fromNow), Tokyo).ToString("yyyy-MM-dd'T'HH:mm");

    public async Task<(BackofficeSession Author, BackofficeSession PublicRelations)> PeopleAsync()
    {
        var author = await BackofficeSession.CreateUserAsync(this, BackofficeRoles.DepartmentAuthor, null, await EditorPages.SeisakuKikakuIdAsync(this));
        var publicRelations = await BackofficeSession.CreateUserAsync(this, BackofficeRoles.PublicRelations);
        return (await BackofficeSession.LogInAsync(this, author), await BackofficeSession.LogInAsync(this, publicRelations));
    }

    /// <summary>The 部局担当 writes a 中間報告 into the goal's draft and asks for approval; returns the request id.</summary>
    public async Task<long> RequestApprovalAsync(BackofficeSession author, string slug, string report)
    {
        var editor = $"/backoffice/goals/{EditorPages.GoalId(this, slug)}";
        var form = await author.ReadFormAsync(editor);
        form["Initiatives[0].MidtermReport.Status"] = "OnTrack";
        form["Initiatives[0].MidtermReport.ReportedOn"] = "2024-10-10";
        form["Initiatives[0].MidtermReport.Text"] = report;
        form["ApprovalNote"] = "中間報告です。";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await author.PostAsync($"{editor}/request-approval", form)).StatusCode);
        var id = EditorPages.GoalId(this, slug);
        return await EditorPages.InDatabaseAsync(this, db => db.ApprovalRequests.Where(a => a.DocumentId == id).MaxAsync(a => a.Id));
    }

    /// <summary>広報 creates a set released <paramref name="fromNow"/> ahead; returns its id.</summary>
    public async Task<int> CreateSetAsync(BackofficeSession publicRelations, string name, TimeSpan fromNow)
    {
        var response = await publicRelations.PostFormAsync("/backoffice/sets/new", "/backoffice/sets/new", new() { ["Name"] = name, ["ReleaseAt"] = TokyoInput(fromNow) });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A set with its members, as stored.</summary>
    public Task<PublicationSet> SetAsync(int id) =>
        EditorPages.InDatabaseAsync(this, db => db.PublicationSets.AsNoTracking().Include(s => s.Members).SingleAsync(s => s.Id == id));

    public Task<HttpResponseMessage> AddMemberAsync(BackofficeSession publicRelations, int setId, string slug) =>
        publicRelations.PostFormAsync($"/backoffice/sets/{setId}", $"/backoffice/sets/{setId}/members", new() { ["documentId"] = EditorPages.GoalId(this, slug).ToString() });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting("Content:Sync:PollInterval", "01:00:00");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPublishHandler>(Recorder);
        });
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.OpenData;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.OpenData;

/// <summary>
/// goals.csv and goals.json are built in the background right after start, so the first publish only writes its own
/// goal's pieces, and a publish racing that build still reaches the files.
/// </summary>
public sealed class OpenDataWarmUpTests : IDisposable
{
    private readonly LoggedPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_files_are_built_after_start_without_a_request_and_the_first_publish_writes_only_its_own_goal()
    {
        _ = portal.CreatePublicClient();
        await WarmUpAsync();

        // Built for the snapshot the site started with, before anyone asked.
        var files = portal.Services.GetRequiredService<OpenDataFiles>();
        Assert.Same(portal.ReadModel.Current, files.LastGenerated?.Source);

        var id = portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;
        await PublishTitleAsync(id, "起動直後の最初の公開で変えた重点目標");

        var generated = portal.Logs.Entries.Where(e => e.Message.StartsWith("Open data generated", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, generated.Count);
        Assert.Contains("4 goals (4 written anew)", generated[0].Message);
        Assert.Contains("4 goals (1 written anew)", generated[1].Message);
        Assert.Same(portal.ReadModel.Current, files.LastGenerated?.Source);
        Assert.Contains("起動直後の最初の公開で変えた重点目標", await portal.CreatePublicClient().GetStringAsync("/opendata/goals.csv"));
    }

    [Fact]
    public async Task A_publish_racing_a_build_of_the_files_still_shows_in_goals_csv()
    {
        var client = portal.CreatePublicClient();
        var files = portal.Services.GetRequiredService<OpenDataFiles>();
        var id = portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;

        // A build like the warm-up's started with every publish, on another thread, a few times over.
        for (var round = 1; round <= 10; round++)
        {
            var text = $"ビルドと競合した公開 {round}";
            var building = Task.Run(() => files.Current);
            await PublishTitleAsync(id, text);
            await building;

            Assert.Same(portal.ReadModel.Current, files.LastGenerated?.Source);
            Assert.Contains(text, await client.GetStringAsync("/opendata/goals.csv"));
        }

        await WarmUpAsync();
        Assert.Same(portal.ReadModel.Current, files.LastGenerated?.Source);
    }

    private Task WarmUpAsync() =>
        portal.Services.GetServices<IHostedService>().OfType<OpenDataWarmUp>().Single().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));

    private Task PublishTitleAsync(Guid id, string text) =>
        portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Title = text;
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });

    private sealed class LoggedPortal : PortalFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }
}

using Microsoft.Extensions.Options;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Backoffice.Scheduling;

/// <summary>
/// Publishes and unpublishes documents, and releases publication sets, whose scheduled time has come, checking every
/// <see cref="SchedulingOptions.IntervalSeconds"/>. One pass is <see cref="RunOnceAsync"/>,
/// which tests call directly instead of waiting for the timer.
/// </summary>
public sealed class ScheduledPublishingService(
    IServiceScopeFactory scopes,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    public async Task<IReadOnlyList<ScheduledAction>> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<ContentStore>().RunDueScheduleAsync(ct);
        foreach (var action in actions)
        {
            logger.LogInformation("Scheduled {Kind} of document {DocumentId} (due {Due:u}) carried out.", action.Kind, action.DocumentId, action.DueUtc);
        }

        foreach (var release in await scope.ServiceProvider.GetRequiredService<PublicationSets.PublicationSetService>().ReleaseDueAsync(ct))
        {
            logger.LogInformation("Publication set {SetId} {Outcome} ({Count} document(s)).", release.SetId, release.Released ? "released" : "failed", release.DocumentIds.Count);
        }

        return actions;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass (database briefly away) must not stop the schedule: the next tick retries.
                logger.LogError(ex, "Scheduled publishing pass failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Feedback.Privacy;

/// <summary>
/// Runs a minute after start and then every <see cref="PrivacyOptions.MaintenanceIntervalMinutes"/>: purges
/// personal data that is due, and deletes anti-spam records nobody needs any more. Every node may
/// run it; the statements are idempotent.
/// </summary>
public sealed class FeedbackMaintenanceService(
    IServiceScopeFactory scopes,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<FeedbackMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.MaintenanceIntervalMinutes));

        // The first run waits a minute: start-up migrates the tables after hosted services are created.
        await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                stoppingToken.ThrowIfCancellationRequested();
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Feedback maintenance failed; trying again in {Interval}.", interval);
            }

            await Task.Delay(interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var purged = await scope.ServiceProvider.GetRequiredService<PersonalDataPurge>().PurgeAsync(ct);
        if (purged > 0)
        {
            logger.LogInformation("Purged the personal data of {Count} comments after their retention period.", purged);
        }

        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var antiSpam = scope.ServiceProvider.GetRequiredService<IOptions<AntiSpamOptions>>().Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SpentChallenges.Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync(ct);
        await db.RejectionCounters.Where(r => r.MinuteUtc < now.AddDays(-1)).ExecuteDeleteAsync(ct);

        // A form older than its lifetime is re-issued, never accepted, so its token cannot come back.
        var tokensBefore = now.AddHours(-antiSpam.FormLifetimeHours).AddDays(-1);
        await db.SubmissionTokens.Where(t => t.CreatedUtc < tokensBefore).ExecuteDeleteAsync(ct);
    }
}

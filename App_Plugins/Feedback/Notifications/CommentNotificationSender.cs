using UedaPublicGoals.Feedback.Hosting;
using UedaPublicGoals.Kernel.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Feedback.Notifications;

/// <summary>
/// Sends the per-comment e-mails from <see cref="NotificationQueue"/>, retrying with a growing
/// pause, and every few minutes picks up comments whose e-mail never went out (a restart, SMTP down).
/// </summary>
public sealed class CommentNotificationSender(
    NotificationQueue queue,
    IServiceScopeFactory scopes,
    SmtpMailSender mail,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<CommentNotificationSender> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.IsConfigured)
        {
            logger.LogWarning("Mail__Host or Mail__From is not set: staff are not e-mailed about new comments.");
            return Task.CompletedTask;
        }

        return Task.WhenAll(DrainQueueAsync(stoppingToken), SweepAsync(stoppingToken));
    }

    private async Task DrainQueueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<CommentNotifications>().NotifyAsync(job.CommentId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    RetryLater(job, ex, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void RetryLater(NotificationJob job, Exception error, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (job.Attempt >= settings.RetryAttempts)
        {
            logger.LogError(error, "E-mail about comment {CommentId} failed {Attempts} times; the sweep tries again later.", job.CommentId, job.Attempt);
            return;
        }

        var pause = TimeSpan.FromSeconds(settings.RetryBaseSeconds * Math.Pow(3, job.Attempt - 1));
        logger.LogWarning(error, "E-mail about comment {CommentId} failed (attempt {Attempt}); retrying in {Pause}.", job.CommentId, job.Attempt, pause);

        // The pause runs beside the queue so one failing message does not hold up the others.
        _ = Task.Delay(pause, clock, stoppingToken).ContinueWith(
            t => { if (!t.IsCanceled) queue.Enqueue(job with { Attempt = job.Attempt + 1 }); },
            TaskScheduler.Default);
    }

    private Task SweepAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));
        return RepeatingWork.RunAsync(scopes, clock, () => interval, async (services, ct) =>
            {
                foreach (var id in await services.GetRequiredService<CommentNotifications>().FindUnsentAsync(interval, ct))
                {
                    queue.Enqueue(id);
                }
            },
            ex => logger.LogError(ex, "Looking for unsent comment e-mails failed."),
            stoppingToken);
    }
}

/// <summary>Sends the daily digests at <see cref="NotificationOptions.DigestHour"/> o'clock, Japan time.</summary>
public sealed class DailyDigestService(
    IServiceScopeFactory scopes,
    SmtpMailSender mail,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<DailyDigestService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !mail.IsConfigured
        ? Task.CompletedTask
        : RepeatingWork.RunAsync(scopes, clock, () => NextRunUtc(clock.GetUtcNow().UtcDateTime, options.Value.DigestHour) - clock.GetUtcNow().UtcDateTime, async (services, ct) =>
            {
                var listed = await services.GetRequiredService<CommentNotifications>().SendDailyDigestAsync(ct);
                logger.LogInformation("Daily feedback digest listed {Count} comments.", listed);
            },
            ex => logger.LogError(ex, "The daily feedback digest failed; the comments stay for the next one."),
            stoppingToken);

    /// <summary>The next time it is <paramref name="hour"/>:00 in Japan, strictly after <paramref name="nowUtc"/>.</summary>
    public static DateTime NextRunUtc(DateTime nowUtc, int hour)
    {
        var local = TokyoTime.ToTokyo(nowUtc);
        var next = local.Date.AddHours(Math.Clamp(hour, 0, 23));
        if (next <= local)
        {
            next = next.AddDays(1);
        }

        return TokyoTime.ToUtc(next);
    }
}

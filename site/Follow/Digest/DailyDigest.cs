using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Follow.Subscriptions;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Follow.Digest;

/// <summary>
/// One mail per subscriber per day: at <see cref="FollowOptions.DigestHour"/> (Japan time) every confirmed address
/// gets the changes of everything it follows since its last digest, in one mail, or nothing when nothing changed.
/// Each address is claimed with a conditional update before its mail is written, so two nodes never both send it;
/// when sending fails the claim is undone and the next pass tries again.
/// </summary>
public sealed class DailyDigest(
    PortalDbContext db,
    FollowUpdates updates,
    FollowMail mail,
    SubscriberAddress addresses,
    IOptions<FollowOptions> options,
    TimeProvider clock,
    ILogger<DailyDigest> logger)
{
    private const int MaxUpdatesPerTopic = 50;

    /// <summary>The latest digest moment at or before <paramref name="nowUtc"/>: today's digest hour in Japan, or yesterday's.</summary>
    public DateTime DigestMomentUtc(DateTime nowUtc)
    {
        var today = TokyoTime.DateOf(nowUtc);
        var moment = TokyoTime.ToUtc(today.ToDateTime(new TimeOnly(options.Value.DigestHour, 0)));
        return moment <= nowUtc ? moment : TokyoTime.ToUtc(today.AddDays(-1).ToDateTime(new TimeOnly(options.Value.DigestHour, 0)));
    }

    /// <summary>Sends the digests now due; returns how many mails went out.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        if (!mail.IsConfigured)
        {
            return 0;
        }

        var moment = DigestMomentUtc(clock.GetUtcNow().UtcDateTime);
        var due = await db.FollowSubscriptions.AsNoTracking()
            .Where(s => s.ConfirmedUtc != null && s.ConfirmedUtc < moment && (s.DigestedUntilUtc == null || s.DigestedUntilUtc < moment))
            .ToListAsync(ct);
        var sent = 0;
        foreach (var subscriber in due.GroupBy(s => s.AddressHash))
        {
            if (await SendAsync(subscriber.Key, subscriber.ToList(), moment, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(string addressHash, IReadOnlyList<FollowSubscription> subscriptions, DateTime moment, CancellationToken ct)
    {
        var ids = subscriptions.Select(s => s.Id).ToList();
        var claimed = await db.FollowSubscriptions
            .Where(s => ids.Contains(s.Id) && (s.DigestedUntilUtc == null || s.DigestedUntilUtc < moment))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.DigestedUntilUtc, moment), ct);
        if (claimed == 0)
        {
            return false; // another node has it
        }

        var sections = new List<DigestSection>();
        foreach (var subscription in subscriptions)
        {
            if (FollowTopic.Parse(subscription.Topic) is { } topic && await updates.DescribeAsync(topic, ct) is { } thing)
            {
                var since = subscription.DigestedUntilUtc ?? subscription.ConfirmedUtc;
                var list = await updates.ListAsync(topic, since, moment, MaxUpdatesPerTopic, ct);
                if (list.Count > 0)
                {
                    sections.Add(new DigestSection(thing, list));
                }
            }
        }

        var address = addresses.Unprotect(subscriptions[0].AddressProtected);
        if (sections.Count == 0 || address is null)
        {
            return false;
        }

        try
        {
            await mail.SendDigestAsync(address, addressHash, TokyoTime.DateOf(moment), sections, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The daily digest for subscriber {AddressHash} could not be sent; it is retried on the next pass.", addressHash[..12]);
            foreach (var subscription in subscriptions)
            {
                await db.FollowSubscriptions.Where(s => s.Id == subscription.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.DigestedUntilUtc, subscription.DigestedUntilUtc), CancellationToken.None);
            }

            return false;
        }
    }
}

/// <summary>Runs <see cref="DailyDigest"/> every minute on each node (the claim keeps it to one mail per subscriber).</summary>
public sealed class DailyDigestService(IServiceScopeFactory scopes, IOptions<FollowOptions> options, TimeProvider clock, ILogger<DailyDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DigestEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DailyDigest>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A daily digest pass failed; the next pass retries.");
            }
        }
    }
}

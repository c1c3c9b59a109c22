using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Follow.Subscriptions;

public enum SubscribeOutcome
{
    /// <summary>A confirmation mail went out (or the address already follows the topic: the page says the same).</summary>
    ConfirmationSent,

    /// <summary>The mail could not be sent; nothing was kept.</summary>
    MailFailed,
}

public enum ConfirmOutcome
{
    Confirmed,
    Invalid,
    Expired,
    AlreadyUsed,
}

public enum UnsubscribeOutcome
{
    Unsubscribed,
    Invalid,
    NothingToStop,
}

/// <summary>
/// Double opt-in without an account: a request stores a pending row and sends one confirmation mail; only the link in
/// it (once, before it expires) makes the subscription count. Unsubscribing deletes every row of the address.
/// </summary>
public sealed class SubscriptionService(
    PortalDbContext db,
    SubscriberAddress addresses,
    FollowTokens tokens,
    FollowMail mail,
    IOptions<FollowOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionService> logger)
{
    public async Task<SubscribeOutcome> SubscribeAsync(string address, FollowedThing thing, CancellationToken ct)
    {
        var hash = addresses.Hash(address);
        var topic = thing.Topic.Key;
        var subscription = await db.FollowSubscriptions.FirstOrDefaultAsync(s => s.AddressHash == hash && s.Topic == topic, ct);
        if (subscription?.ConfirmedUtc is not null)
        {
            // Already following: nothing to confirm, and the page must not tell a stranger that this address is here.
            return SubscribeOutcome.ConfirmationSent;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = subscription is null;
        subscription ??= db.FollowSubscriptions.Add(new FollowSubscription
        {
            Id = Guid.NewGuid(),
            Topic = topic,
            AddressHash = hash,
            AddressProtected = addresses.Protect(address),
            CreatedUtc = now,
        }).Entity;
        subscription.ConfirmationNonce = FollowTokens.NewNonce(); // a new request makes earlier links stop working
        await db.SaveChangesAsync(ct);

        var token = new ConfirmationToken(subscription.Id, subscription.ConfirmationNonce, now.AddHours(options.Value.ConfirmationHours));
        try
        {
            await mail.SendConfirmationAsync(SubscriberAddress.Normalize(address), hash, thing, token, ct);
            return SubscribeOutcome.ConfirmationSent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The confirmation mail of subscription {Subscription} could not be sent.", subscription.Id);
            if (isNew)
            {
                db.FollowSubscriptions.Remove(subscription);
                await db.SaveChangesAsync(CancellationToken.None);
            }

            return SubscribeOutcome.MailFailed;
        }
    }

    /// <summary>What a confirmation link would confirm, without confirming it (the GET page shows it with a button).</summary>
    public async Task<(ConfirmOutcome Outcome, FollowSubscription? Subscription)> CheckConfirmationAsync(string? token, CancellationToken ct)
    {
        var read = tokens.ReadConfirmation(token);
        if (read is null)
        {
            return (ConfirmOutcome.Invalid, null);
        }

        var subscription = await db.FollowSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == read.SubscriptionId, ct);
        if (subscription is null || subscription.ConfirmedUtc is not null || subscription.ConfirmationNonce != read.Nonce)
        {
            return (ConfirmOutcome.AlreadyUsed, null);
        }

        return read.ExpiresUtc < clock.GetUtcNow().UtcDateTime ? (ConfirmOutcome.Expired, null) : (ConfirmOutcome.Confirmed, subscription);
    }

    public async Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken ct)
    {
        var (outcome, subscription) = await CheckConfirmationAsync(token, ct);
        if (subscription is null)
        {
            return outcome;
        }

        // Conditional on the one-time value still being there: of two clicks at once, one wins.
        var nonce = subscription.ConfirmationNonce;
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.FollowSubscriptions
            .Where(s => s.Id == subscription.Id && s.ConfirmedUtc == null && s.ConfirmationNonce == nonce)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmedUtc, now).SetProperty(s => s.ConfirmationNonce, (string?)null), ct);
        return claimed == 1 ? ConfirmOutcome.Confirmed : ConfirmOutcome.AlreadyUsed;
    }

    /// <summary>The topics an unsubscribe link would stop, or null when the token is not one of ours.</summary>
    public async Task<IReadOnlyList<string>?> TopicsOfAsync(string? token, CancellationToken ct) =>
        tokens.ReadUnsubscribe(token) is { } hash
            ? await db.FollowSubscriptions.AsNoTracking().Where(s => s.AddressHash == hash).Select(s => s.Topic).ToListAsync(ct)
            : null;

    public async Task<UnsubscribeOutcome> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadUnsubscribe(token) is not { } hash)
        {
            return UnsubscribeOutcome.Invalid;
        }

        var removed = await db.FollowSubscriptions.Where(s => s.AddressHash == hash).ExecuteDeleteAsync(ct);
        return removed > 0 ? UnsubscribeOutcome.Unsubscribed : UnsubscribeOutcome.NothingToStop;
    }
}

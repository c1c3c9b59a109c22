using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace UedaPublicGoals.Follow.Subscriptions;

/// <summary>What a confirmation link says: which subscription, its one-time value, until when it works.</summary>
public sealed record ConfirmationToken(Guid SubscriptionId, string Nonce, DateTime ExpiresUtc);

/// <summary>
/// The links in subscription mails, signed and encrypted with Data Protection: a changed or made-up token does not
/// read back. A confirmation token carries the subscription, a one-time value (cleared when used) and an expiry
/// checked against the portal's clock; an unsubscribe token carries the address hash (every topic of that address).
/// </summary>
public sealed class FollowTokens(IDataProtectionProvider dataProtection)
{
    private const string ConfirmKind = "confirm";
    private const string UnsubscribeKind = "unsubscribe";

    private readonly IDataProtector protector = dataProtection.CreateProtector("Follow.Tokens");

    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public string ForConfirmation(ConfirmationToken token) =>
        protector.Protect($"{ConfirmKind}|{token.SubscriptionId:N}|{token.Nonce}|{token.ExpiresUtc.Ticks.ToString(CultureInfo.InvariantCulture)}");

    public string ForUnsubscribe(string addressHash) => protector.Protect($"{UnsubscribeKind}|{addressHash}");

    public ConfirmationToken? ReadConfirmation(string? token) =>
        Read(token) is [ConfirmKind, var id, var nonce, var ticks]
            && Guid.TryParseExact(id, "N", out var subscriptionId)
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && expires is >= 0 and <= 3155378975999999999
            ? new ConfirmationToken(subscriptionId, nonce, new DateTime(expires, DateTimeKind.Utc))
            : null;

    /// <summary>The address hash, or null for anything that is not an unsubscribe token of this portal.</summary>
    public string? ReadUnsubscribe(string? token) =>
        Read(token) is [UnsubscribeKind, var hash] ? hash : null;

    private string[]? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

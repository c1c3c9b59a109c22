using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Follow;

/// <summary>Bound from "Follow" (environment Follow__DigestHour…): Atom feeds and e-mail subscriptions.</summary>
public sealed class FollowOptions
{
    public const string Section = "Follow";

    /// <summary>Hour (Japan time, 0–23) at which the daily digest of the previous day's changes goes out.</summary>
    [Range(0, 23)]
    public int DigestHour { get; set; } = 8;

    /// <summary>false stops this node's digest timer (another node, or none, sends the digests).</summary>
    public bool DigestEnabled { get; set; } = true;

    /// <summary>How long the link in the confirmation mail works.</summary>
    [Range(1, 168)]
    public int ConfirmationHours { get; set; } = 48;

    /// <summary>
    /// Secret key of the keyed hash (HMAC-SHA256) of subscribers' addresses, used to find and de-duplicate them
    /// without storing the address in clear. Set the same value on every node; unset: random per process.
    /// </summary>
    public string? AddressHashKey { get; set; }

    /// <summary>Subscription requests one client (IPv4 address or IPv6 /64) may send per window, per node.</summary>
    [Range(1, 10000)]
    public int SubscribePermitLimit { get; set; } = 5;

    [Range(1, 1440)]
    public int SubscribeWindowMinutes { get; set; } = 10;
}

namespace UedaPublicGoals.Follow.Subscriptions;

/// <summary>
/// One address following one topic. The address is never stored in clear: <see cref="AddressProtected"/> is
/// Data Protection ciphertext (decrypted only to send) and <see cref="AddressHash"/> a keyed hash to find duplicates.
/// </summary>
public sealed class FollowSubscription
{
    public Guid Id { get; set; }

    /// <summary>What is followed: "site", "goal:{documentId}" or "iken:{consultation slug}" (see FollowTopic).</summary>
    public string Topic { get; set; } = "";

    public string AddressHash { get; set; } = "";

    public string AddressProtected { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>Null until the link in the confirmation mail was used: nothing but that mail is sent before.</summary>
    public DateTime? ConfirmedUtc { get; set; }

    /// <summary>The one-time value the confirmation link carries; cleared when used, so a link works once.</summary>
    public string? ConfirmationNonce { get; set; }

    /// <summary>End of the period the last digest covered (changes after it go into the next one).</summary>
    public DateTime? DigestedUntilUtc { get; set; }
}

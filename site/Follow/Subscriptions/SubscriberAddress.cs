using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Follow.Subscriptions;

/// <summary>
/// The only class that sees a subscriber's address in clear. Stored twice, neither readable: Data Protection
/// ciphertext (the key ring is in the database, so every node can decrypt it to send) and a keyed hash
/// (HMAC-SHA256 with Follow__AddressHashKey) that finds the same address again without decrypting anything.
/// </summary>
public sealed class SubscriberAddress
{
    /// <summary>Changing it makes every stored address unreadable.</summary>
    private const string Purpose = "Follow.SubscriberAddress";

    private readonly IDataProtector protector;
    private readonly byte[] hashKey;

    public SubscriberAddress(IDataProtectionProvider dataProtection, IOptions<FollowOptions> options, ILogger<SubscriberAddress> logger)
    {
        protector = dataProtection.CreateProtector(Purpose);
        var configured = options.Value.AddressHashKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning("Follow__AddressHashKey is not set: using a random key for this process only (duplicates are found only until restart).");
            hashKey = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            hashKey = Encoding.UTF8.GetBytes(configured);
        }
    }

    /// <summary>Addresses differ only in case in practice never mean different people: one form for hashing and sending.</summary>
    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    public string Hash(string address) =>
        Convert.ToHexString(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(Normalize(address)))).ToLowerInvariant();

    public string Protect(string address) => protector.Protect(Normalize(address));

    /// <summary>The address, or null when it can no longer be decrypted (key ring lost).</summary>
    public string? Unprotect(string protectedAddress)
    {
        try
        {
            return protector.Unprotect(protectedAddress);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

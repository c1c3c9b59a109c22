using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.AntiSpam;

namespace UedaPublicGoals.Feedback.Privacy;

/// <summary>
/// The only trace of a resident's connection that is stored: HMAC-SHA256 of the client
/// (IPv4, or IPv6 /64) with a secret salt. Without the salt the hash cannot be reversed by
/// trying all addresses; it lets staff see that comments came from the same client.
/// </summary>
public sealed class ClientHasher
{
    private readonly byte[] salt;

    public ClientHasher(IOptions<PrivacyOptions> options, ILogger<ClientHasher> logger)
    {
        var configured = options.Value.ClientHashSalt;
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning("Feedback__Privacy__ClientHashSalt is not set: using a random salt for this process only.");
            salt = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            salt = Encoding.UTF8.GetBytes(configured);
        }
    }

    public string? Hash(IPAddress? address) =>
        address is null ? null : Convert.ToHexString(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(ClientAddress.Key(address)))).ToLowerInvariant();
}

using System.Numerics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>A puzzle for the browser: find a nonce so that SHA-256(Token ":" nonce) starts with Difficulty zero bits.</summary>
public sealed record ProofOfWorkChallenge(string Token, string ChallengeId, int Difficulty, DateTime IssuedUtc, DateTime ExpiresUtc);

/// <summary>
/// Issues and reads signed proof-of-work challenges. The token is signed with ASP.NET Core Data
/// Protection (AES-256-CBC + HMAC-SHA256 over the key ring the host keeps in the database), so
/// every node can check a challenge another node issued and nobody can forge or change one
/// (difficulty, expiry). Stateless until it is spent.
/// </summary>
public sealed class ProofOfWorkChallenges(IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<AntiSpamOptions> options)
{
    private const string Purpose = "Feedback.ProofOfWork.v1";
    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    /// <param name="extraBits">Added to the configured difficulty (a client past its allowance).</param>
    public ProofOfWorkChallenge Issue(int extraBits = 0)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var expires = now.AddMinutes(settings.ProofOfWorkChallengeMinutes);
        var difficulty = Math.Clamp(settings.ProofOfWorkDifficulty + Math.Max(0, extraBits), 1, 32);
        var payload = string.Join('|', id, Unix(now), Unix(expires), difficulty.ToString(CultureInfo.InvariantCulture));
        return new ProofOfWorkChallenge(protector.Protect(payload), id, difficulty, Truncate(now), Truncate(expires));
    }

    /// <summary>The challenge the token stands for, or null when it was not issued by this site (forged or altered).</summary>
    public ProofOfWorkChallenge? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 4
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var difficulty))
        {
            return null;
        }

        return new ProofOfWorkChallenge(token, parts[0], difficulty, DateTime.UnixEpoch.AddSeconds(issued), DateTime.UnixEpoch.AddSeconds(expires));
    }

    /// <summary>Whether <paramref name="nonce"/> solves the puzzle: the same computation feedback-pow.js does.</summary>
    public static bool IsSolution(string token, string nonce, int difficulty)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > 32 || !nonce.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(token + ":" + nonce));
        return LeadingZeroBits(hash) >= difficulty;
    }

    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b == 0)
            {
                bits += 8;
                continue;
            }

            return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
        }

        return bits;
    }

    private static string Unix(DateTime utc) => ((long)(utc - DateTime.UnixEpoch).TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static DateTime Truncate(DateTime utc) => DateTime.UnixEpoch.AddSeconds((long)(utc - DateTime.UnixEpoch).TotalSeconds);
}

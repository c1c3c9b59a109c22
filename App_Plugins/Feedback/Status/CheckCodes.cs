using System.Security.Cryptography;
using System.Text;

namespace UedaPublicGoals.Feedback.Status;

/// <summary>
/// The check code the thanks page shows beside the 受付番号, asked for on the 「意見の状況」 page.
/// Derived from the form ticket's secret submission id (128 random bits, inside the encrypted
/// ticket), so a second post of the same form shows the same code; only its hash is stored with
/// the comment. Eight letters and digits without the look-alikes 0/O and 1/I (40 bits), shown as
/// ABCD-EFGH; typed in any case, with or without the hyphen, full-width or not.
/// </summary>
public static class CheckCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    public static string For(string submissionId)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("Feedback.CheckCode.v1|" + submissionId));
        var code = new StringBuilder(Length + 1);
        for (var i = 0; i < Length; i++)
        {
            if (i == Length / 2)
            {
                code.Append('-');
            }

            code.Append(Alphabet[digest[i] % Alphabet.Length]);
        }

        return code.ToString();
    }

    /// <summary>What is stored: a hash of the normalised code, never the code.</summary>
    public static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("Feedback.CheckCodeHash.v1|" + Normalize(code)))).ToLowerInvariant();

    /// <summary>Whether the typed code matches the stored hash, in time independent of where they differ.</summary>
    public static bool Matches(string? typed, string? storedHash)
    {
        var expected = Encoding.ASCII.GetBytes(storedHash ?? new string('0', 64));
        var actual = Encoding.ASCII.GetBytes(Hash(typed ?? ""));
        return CryptographicOperations.FixedTimeEquals(expected, actual) && storedHash is not null;
    }

    /// <summary>Upper case, without spaces and hyphens, full-width letters folded to ASCII.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? "").Normalize(NormalizationForm.FormKC).ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).Take(32).ToArray());
}

using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Backoffice.Accounts.Passwords;

/// <summary>Bound from "Backoffice:Passwords".</summary>
public sealed class PasswordStrengthOptions
{
    public const string Section = "Backoffice:Passwords";

    /// <summary>The zxcvbn score (0 = guessed at once … 4 = very hard to guess) a new password needs.</summary>
    [Range(0, 4, ErrorMessage = "Backoffice:Passwords:MinimumScore must be between 0 and 4.")]
    public int MinimumScore { get; set; } = 3;
}

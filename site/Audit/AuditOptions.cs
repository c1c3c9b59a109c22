namespace UedaPublicGoals.Audit;

/// <summary>Bound from the "Audit" section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Minimum length of a configured salt: a short one could be guessed and the hashes reversed.</summary>
    public const int MinimumSaltLength = 16;

    /// <summary>
    /// Secret salt of the client IP hash stored with audit entries. Set the same value on every node so
    /// one client's entries match across nodes and restarts; unset means a random salt per process.
    /// </summary>
    public string? ClientHashSalt { get; set; }
}

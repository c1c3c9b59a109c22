namespace UedaPublicGoals.Audit;

/// <summary>One line of the append-only audit log: who did what to which thing, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime Utc { get; set; }

    /// <summary>E-mail of the acting user, or "system" for the scheduler and start-up.</summary>
    public string Actor { get; set; } = "";

    /// <summary>Dotted action key, e.g. content.publish, account.login-failed (see AuditActions).</summary>
    public string Action { get; set; } = "";

    /// <summary>What was acted on: a document id, a user e-mail, a path.</summary>
    public string? Target { get; set; }

    /// <summary>Short human-readable detail in Japanese.</summary>
    public string? Detail { get; set; }

    /// <summary>Salted hash of the client IP, for spotting abuse without keeping addresses.</summary>
    public string? ClientHash { get; set; }
}

namespace UedaPublicGoals.Feedback.Data;

/// <summary>A spent proof-of-work challenge, recorded so a solution cannot be replayed on any node.</summary>
public sealed class SpentChallenge
{
    /// <summary>The challenge's random id (from the signed token).</summary>
    public string ChallengeId { get; set; } = "";

    public DateTime ExpiresUtc { get; set; }
}

/// <summary>A form token already used for a stored comment: a double submit returns the same 受付番号.</summary>
public sealed class SubmissionToken
{
    public string Token { get; set; } = "";

    public long CommentId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>Counts of rejected submissions per minute, shared by all nodes, to switch proof-of-work on automatically.</summary>
public sealed class RejectionCounter
{
    public DateTime MinuteUtc { get; set; }

    public int Count { get; set; }
}

/// <summary>
/// The last 受付番号 issued in a 令和 fiscal year. Incremented in the transaction that stores the
/// comments it numbers, so a rolled-back insert gives its numbers back: the sequence has no gaps
/// on either provider (a database sequence or identity would keep the skipped values).
/// </summary>
public sealed class ReceiptCounter
{
    public int FiscalYear { get; set; }

    public int LastNumber { get; set; }
}

/// <summary>Wrong check codes per 受付番号 per minute, shared by all nodes: the status page's brute-force limit.</summary>
public sealed class StatusLookupFailure
{
    public string ReceiptNumber { get; set; } = "";

    public DateTime MinuteUtc { get; set; }

    public int Count { get; set; }
}

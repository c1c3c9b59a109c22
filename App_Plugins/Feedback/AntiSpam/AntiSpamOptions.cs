using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>When the proof-of-work challenge is required.</summary>
public enum ProofOfWorkMode
{
    /// <summary>Never: honeypot, time trap and rate limit only.</summary>
    Off = 0,

    /// <summary>On every submission.</summary>
    On = 1,

    /// <summary>Only while the rejected submissions of the last minutes (all nodes) reach the threshold.</summary>
    Auto = 2,
}

/// <summary>Bound from "Feedback:AntiSpam".</summary>
public sealed class AntiSpamOptions
{
    public const string Section = "Feedback:AntiSpam";

    /// <summary>Submissions sooner than this after the form was issued are from bots (time trap).</summary>
    [Range(0, 86400)]
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>A form (its signed ticket) older than this is re-issued instead of accepted.</summary>
    [Range(1, 8760)]
    public int FormLifetimeHours { get; set; } = 24;

    public ProofOfWorkMode ProofOfWork { get; set; } = ProofOfWorkMode.Auto;

    /// <summary>Leading zero bits of SHA-256(token ":" nonce); 16 is about 65,000 hashes, well under a second on a phone.</summary>
    [Range(1, 32)]
    public int ProofOfWorkDifficulty { get; set; } = 16;

    [Range(1, 1440)]
    public int ProofOfWorkChallengeMinutes { get; set; } = 30;

    /// <summary>
    /// Without JavaScript nobody can solve the puzzle, so a challenge at least this old is accepted unsolved
    /// (the page asks to wait: a time lock instead of work). 0 makes a solution mandatory.
    /// </summary>
    [Range(0, 86400)]
    public int ProofOfWorkNoScriptWaitSeconds { get; set; } = 15;

    /// <summary>Auto mode switches the challenge on when at least this many rejections happened in the window.</summary>
    [Range(0, int.MaxValue)]
    public int AutoThreshold { get; set; } = 30;

    [Range(1, 1440)]
    public int AutoWindowMinutes { get; set; } = 10;

    public RecaptchaOptions Recaptcha { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    public ClientAllowanceOptions ClientAllowance { get; set; } = new();
}

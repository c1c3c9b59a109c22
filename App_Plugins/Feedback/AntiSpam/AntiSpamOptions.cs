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
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>A form (its signed ticket) older than this is re-issued instead of accepted.</summary>
    public int FormLifetimeHours { get; set; } = 24;

    public ProofOfWorkMode ProofOfWork { get; set; } = ProofOfWorkMode.Auto;

    /// <summary>Leading zero bits of SHA-256(token ":" nonce); 16 is about 65,000 hashes, well under a second on a phone.</summary>
    public int ProofOfWorkDifficulty { get; set; } = 16;

    public int ProofOfWorkChallengeMinutes { get; set; } = 30;

    /// <summary>
    /// Without JavaScript nobody can solve the puzzle, so a challenge at least this old is accepted unsolved
    /// (the page asks to wait: a time lock instead of work). 0 makes a solution mandatory.
    /// </summary>
    public int ProofOfWorkNoScriptWaitSeconds { get; set; } = 15;

    /// <summary>Auto mode switches the challenge on when at least this many rejections happened in the window.</summary>
    public int AutoThreshold { get; set; } = 30;

    public int AutoWindowMinutes { get; set; } = 10;

    public RecaptchaOptions Recaptcha { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    public ClientAllowanceOptions ClientAllowance { get; set; } = new();
}

/// <summary>reCAPTCHA v3, an alternative to the self-hosted proof-of-work: used when Enabled, on every submission.</summary>
public sealed class RecaptchaOptions
{
    public bool Enabled { get; set; }

    public string SiteKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string VerifyUrl { get; set; } = "https://www.google.com/recaptcha/api/siteverify";

    public string ScriptUrl { get; set; } = "https://www.google.com/recaptcha/api.js";

    public string Action { get; set; } = "feedback_submit";

    public double MinimumScore { get; set; } = 0.5;

    /// <summary>Host names the token may have been issued on; empty: the request's own host.</summary>
    public List<string> Hostnames { get; set; } = [];

    /// <summary>How long to wait for siteverify before failing (the resident keeps the text and can try again).</summary>
    public double TimeoutSeconds { get; set; } = 5;
}

/// <summary>
/// Per-client flood guard on the submit endpoint (per node, in memory): 429 beyond it. Generous,
/// so a class behind one school address is not refused; the proof-of-work beyond the
/// <see cref="ClientAllowanceOptions"/> is what slows a single sender down.
/// </summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;
}

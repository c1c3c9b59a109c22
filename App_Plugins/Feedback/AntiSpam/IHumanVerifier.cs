using Microsoft.AspNetCore.Http;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// A check that a person, not a script, is sending: the self-hosted proof-of-work or reCAPTCHA v3.
/// The confirmation page renders <see cref="CreateWidget"/>; the final POST is checked with
/// <see cref="VerifyAsync"/>. A failure keeps everything the resident typed.
/// </summary>
public interface IHumanVerifier
{
    /// <summary>What the confirmation page must carry for this check (hidden fields, script).</summary>
    HumanCheckWidget CreateWidget(HttpContext httpContext);

    Task<HumanCheckResult> VerifyAsync(IFormCollection form, HttpContext httpContext, CancellationToken ct = default);
}

/// <summary>What a verifier needs on the page. Exactly one of the two is set.</summary>
public sealed record HumanCheckWidget(ProofOfWorkChallenge? ProofOfWork, RecaptchaWidget? Recaptcha);

public sealed record RecaptchaWidget(string SiteKey, string Action, string ScriptUrl);

/// <summary>
/// A challenge that may be used once: the submission records it (SpentChallenge) in the same
/// transaction as the comment, so a replay fails on every node.
/// </summary>
public sealed record SingleUseKey(string ChallengeId, DateTime ExpiresUtc);

public sealed record HumanCheckResult
{
    private HumanCheckResult(bool passed, string? reasonCode, string? message, SingleUseKey? spend, bool countsAsRejection, ProofOfWorkChallenge? keepChallenge)
    {
        IsPassed = passed;
        ReasonCode = reasonCode;
        Message = message;
        Spend = spend;
        CountsAsRejection = countsAsRejection;
        KeepChallenge = keepChallenge;
    }

    public bool IsPassed { get; }

    /// <summary>Stable code for logs and tests, e.g. "pow-replayed", "recaptcha-low-score".</summary>
    public string? ReasonCode { get; }

    /// <summary>Japanese message shown to the resident.</summary>
    public string? Message { get; }

    /// <summary>Set when the check passed on a single-use challenge that must now be spent.</summary>
    public SingleUseKey? Spend { get; }

    /// <summary>Failures that look like abuse count towards switching the proof-of-work on (Auto).</summary>
    public bool CountsAsRejection { get; }

    /// <summary>For "wait a little longer": the same challenge stays on the page so the wait continues.</summary>
    public ProofOfWorkChallenge? KeepChallenge { get; }

    public static HumanCheckResult Passed(SingleUseKey? spend = null) => new(true, null, null, spend, false, null);

    public static HumanCheckResult Failed(string reasonCode, string message, bool countsAsRejection = true, ProofOfWorkChallenge? keepChallenge = null) =>
        new(false, reasonCode, message, null, countsAsRejection, keepChallenge);
}

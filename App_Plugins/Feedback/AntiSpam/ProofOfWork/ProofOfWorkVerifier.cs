using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// The self-hosted check: the confirmation page carries a signed challenge, feedback-pow.js finds
/// the nonce while the resident reads, and this verifies it. Without JavaScript the challenge is
/// accepted unsolved once it is old enough (a short wait the page explains), so the form keeps
/// working; the rate limit and single use still hold.
/// </summary>
public sealed class ProofOfWorkVerifier(
    ProofOfWorkChallenges challenges,
    FeedbackDbContext db,
    TimeProvider clock,
    IOptions<AntiSpamOptions> options) : IHumanVerifier
{
    public const string TokenField = "PowToken";
    public const string NonceField = "PowNonce";

    /// <summary>Set by <see cref="HumanCheckPolicy"/> for this request when the client is past its allowance.</summary>
    public int ExtraDifficultyBits { get; set; }

    public HumanCheckWidget CreateWidget(HttpContext httpContext) => new(challenges.Issue(ExtraDifficultyBits), null);

    public async Task<HumanCheckResult> VerifyAsync(IFormCollection form, HttpContext httpContext, CancellationToken ct = default)
    {
        var token = form[TokenField].ToString();
        if (string.IsNullOrEmpty(token))
        {
            return HumanCheckResult.Failed("pow-missing", "送信の前に、ロボットによる送信でないことの確認が必要です。もう一度「送信する」を押してください。");
        }

        var challenge = challenges.Read(token);
        if (challenge is null)
        {
            return HumanCheckResult.Failed("pow-invalid", "送信の確認ができませんでした。もう一度「送信する」を押してください。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= challenge.ExpiresUtc)
        {
            return HumanCheckResult.Failed("pow-expired", "確認の有効期限が切れました。もう一度「送信する」を押してください。", countsAsRejection: false);
        }

        var nonce = form[NonceField].ToString();
        if (string.IsNullOrEmpty(nonce))
        {
            var wait = options.Value.ProofOfWorkNoScriptWaitSeconds;
            if (wait <= 0)
            {
                return HumanCheckResult.Failed("pow-unsolved", "この送信には、JavaScriptによる確認が必要です。JavaScriptを有効にしてから、もう一度「送信する」を押してください。");
            }

            var remaining = challenge.IssuedUtc.AddSeconds(wait) - now;
            if (remaining > TimeSpan.Zero)
            {
                var seconds = (int)Math.Ceiling(remaining.TotalSeconds);
                return HumanCheckResult.Failed(
                    "pow-wait",
                    $"確認のため、あと{seconds}秒ほど待ってから、もう一度「送信する」を押してください。",
                    countsAsRejection: false,
                    keepChallenge: challenge);
            }
        }
        else if (!ProofOfWorkChallenges.IsSolution(token, nonce, challenge.Difficulty))
        {
            return HumanCheckResult.Failed("pow-wrong", "送信の確認ができませんでした。もう一度「送信する」を押してください。");
        }

        if (await db.SpentChallenges.AnyAsync(s => s.ChallengeId == challenge.ChallengeId, ct))
        {
            return HumanCheckResult.Failed("pow-replayed", "この確認はすでに使われています。もう一度「送信する」を押してください。");
        }

        return HumanCheckResult.Passed(new SingleUseKey(challenge.ChallengeId, challenge.ExpiresUtc));
    }
}

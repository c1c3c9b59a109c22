using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// Which human check a submission needs right now: reCAPTCHA when configured, else the
/// proof-of-work by its mode (Off, On, or Auto: on while recent rejections reach the threshold,
/// and for a client that has used up its allowance of comments without it).
/// </summary>
public sealed class HumanCheckPolicy(IServiceProvider services, IOptions<AntiSpamOptions> options, RejectionTally rejections, ClientAllowance allowance)
{
    /// <summary>The verifier to apply to <paramref name="client"/>'s submission, or null when no check is needed now.</summary>
    public async Task<IHumanVerifier?> RequiredVerifierAsync(IPAddress? client, CancellationToken ct = default)
    {
        var settings = options.Value;
        if (settings.Recaptcha.Enabled)
        {
            return services.GetRequiredService<RecaptchaVerifier>();
        }

        if (settings.ProofOfWork == ProofOfWorkMode.Off)
        {
            return null;
        }

        // Asked of everyone (On, or Auto under attack): a client past its allowance gets a harder puzzle;
        // otherwise (Auto) the allowance decides whether this client is asked at all.
        var everyone = settings.ProofOfWork == ProofOfWorkMode.On
            || await rejections.CountSinceAsync(TimeSpan.FromMinutes(settings.AutoWindowMinutes), ct) >= settings.AutoThreshold;
        var usedUp = await allowance.IsUsedUpAsync(client, ct);
        if (!everyone && !usedUp)
        {
            return null;
        }

        var verifier = services.GetRequiredService<ProofOfWorkVerifier>();
        verifier.ExtraDifficultyBits = everyone && usedUp ? settings.ClientAllowance.ExtraDifficultyBits : 0;
        return verifier;
    }
}

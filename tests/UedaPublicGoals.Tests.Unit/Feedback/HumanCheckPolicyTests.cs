using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Notifications;

namespace UedaPublicGoals.Tests.Unit.Feedback;

public sealed class HumanCheckPolicyTests : IDisposable
{
    private readonly FeedbackDatabase database = new();
    private readonly StoppedClock clock = new(new DateTimeOffset(2025, 5, 1, 3, 0, 30, TimeSpan.Zero));

    private (HumanCheckPolicy Policy, RejectionTally Tally) Create(ProofOfWorkMode mode, bool recaptcha = false)
    {
        var options = Forms.AntiSpam(o =>
        {
            o.ProofOfWork = mode;
            o.AutoThreshold = 3;
            o.AutoWindowMinutes = 10;
            o.Recaptcha.Enabled = recaptcha;
        });
        var db = database.Create();
        var services = new ServiceCollection()
            .AddSingleton(options)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(db)
            .AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider())
            .AddSingleton<ProofOfWorkChallenges>()
            .AddSingleton<ProofOfWorkVerifier>()
            .AddLogging()
            .AddSingleton(new HttpClient())
            .AddSingleton<RecaptchaVerifier>()
            .BuildServiceProvider();
        var tally = new RejectionTally(db, clock);
        var hasher = new UedaPublicGoals.Feedback.Privacy.ClientHasher(
            Microsoft.Extensions.Options.Options.Create(new UedaPublicGoals.Feedback.Privacy.PrivacyOptions { ClientHashSalt = "unit-test-salt" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<UedaPublicGoals.Feedback.Privacy.ClientHasher>.Instance);
        return (new HumanCheckPolicy(services, options, tally, new ClientAllowance(db, hasher, clock, options)), tally);
    }

    [Fact]
    public async Task Off_never_asks_and_On_always_asks_for_the_proof_of_work()
    {
        Assert.Null(await Create(ProofOfWorkMode.Off).Policy.RequiredVerifierAsync(client: null));
        Assert.IsType<ProofOfWorkVerifier>(await Create(ProofOfWorkMode.On).Policy.RequiredVerifierAsync(client: null));
    }

    [Fact]
    public async Task Auto_switches_on_when_rejections_in_the_window_reach_the_threshold_and_off_when_they_age_out()
    {
        var (policy, tally) = Create(ProofOfWorkMode.Auto);
        await tally.RecordAsync();
        await tally.RecordAsync();
        Assert.Null(await policy.RequiredVerifierAsync(client: null));

        clock.Advance(TimeSpan.FromMinutes(1));
        await tally.RecordAsync();
        Assert.Equal(3, await tally.CountSinceAsync(TimeSpan.FromMinutes(10)));
        Assert.IsType<ProofOfWorkVerifier>(await policy.RequiredVerifierAsync(client: null));

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await policy.RequiredVerifierAsync(client: null));
    }

    [Fact]
    public async Task Recaptcha_when_enabled_replaces_the_proof_of_work()
    {
        Assert.IsType<RecaptchaVerifier>(await Create(ProofOfWorkMode.Off, recaptcha: true).Policy.RequiredVerifierAsync(client: null));
    }

    [Fact]
    public void The_daily_digest_runs_at_the_configured_hour_in_Japan()
    {
        // 2025-05-01 03:00:30 UTC is 12:00:30 JST: the next 08:00 JST is tomorrow, 2025-05-01 23:00 UTC.
        Assert.Equal(new DateTime(2025, 5, 1, 23, 0, 0, DateTimeKind.Utc), DailyDigestService.NextRunUtc(clock.Now.UtcDateTime, 8));
        Assert.Equal(new DateTime(2025, 5, 1, 4, 0, 0, DateTimeKind.Utc), DailyDigestService.NextRunUtc(clock.Now.UtcDateTime, 13));
    }

    public void Dispose() => database.Dispose();
}

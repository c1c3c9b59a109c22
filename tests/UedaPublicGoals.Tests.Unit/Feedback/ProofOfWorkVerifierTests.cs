using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Tests.Unit.Feedback;

public sealed class ProofOfWorkVerifierTests : IDisposable
{
    private const int Difficulty = 10;
    private readonly FeedbackDatabase database = new();
    private readonly StoppedClock clock = new(new DateTimeOffset(2025, 5, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider dataProtection = new();

    private ProofOfWorkChallenges Challenges(int noScriptWait = 15) => new(dataProtection, clock, Forms.AntiSpam(o =>
    {
        o.ProofOfWorkDifficulty = Difficulty;
        o.ProofOfWorkChallengeMinutes = 30;
        o.ProofOfWorkNoScriptWaitSeconds = noScriptWait;
    }));

    private ProofOfWorkVerifier Verifier(FeedbackDbContext db, int noScriptWait = 15) =>
        new(Challenges(noScriptWait), db, clock, Forms.AntiSpam(o => o.ProofOfWorkNoScriptWaitSeconds = noScriptWait));

    private static string Solve(string token)
    {
        for (var nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(CultureInfo.InvariantCulture);
            if (ProofOfWorkChallenges.IsSolution(token, text, Difficulty))
            {
                return text;
            }
        }
    }

    private static IFormCollection Answer(string token, string nonce) =>
        Forms.Of((ProofOfWorkVerifier.TokenField, token), (ProofOfWorkVerifier.NonceField, nonce));

    [Fact]
    public async Task A_correct_solution_passes_and_names_the_challenge_to_spend()
    {
        using var db = database.Create();
        var challenge = Challenges().Issue();

        var result = await Verifier(db).VerifyAsync(Answer(challenge.Token, Solve(challenge.Token)), new DefaultHttpContext());

        Assert.True(result.IsPassed, result.ReasonCode);
        Assert.Equal(challenge.ChallengeId, result.Spend!.ChallengeId);
        Assert.Equal(challenge.ExpiresUtc, result.Spend.ExpiresUtc);
    }

    [Fact]
    public async Task A_wrong_solution_fails_and_counts_as_a_rejection()
    {
        using var db = database.Create();
        var challenge = Challenges().Issue();
        var wrong = Enumerable.Range(0, 1000).Select(n => n.ToString(CultureInfo.InvariantCulture)).First(n => !ProofOfWorkChallenges.IsSolution(challenge.Token, n, Difficulty));

        var result = await Verifier(db).VerifyAsync(Answer(challenge.Token, wrong), new DefaultHttpContext());

        Assert.False(result.IsPassed);
        Assert.Equal("pow-wrong", result.ReasonCode);
        Assert.True(result.CountsAsRejection);
        Assert.Contains("送信の確認ができませんでした", result.Message);
    }

    [Fact]
    public async Task An_expired_challenge_fails_even_when_solved()
    {
        using var db = database.Create();
        var challenge = Challenges().Issue();
        var nonce = Solve(challenge.Token);
        clock.Advance(TimeSpan.FromMinutes(31));

        var result = await Verifier(db).VerifyAsync(Answer(challenge.Token, nonce), new DefaultHttpContext());

        Assert.Equal("pow-expired", result.ReasonCode);
        Assert.Contains("有効期限が切れました", result.Message);
    }

    [Fact]
    public async Task A_replayed_solution_fails_once_the_challenge_is_spent()
    {
        var challenge = Challenges().Issue();
        var nonce = Solve(challenge.Token);
        using (var db = database.Create())
        {
            var first = await Verifier(db).VerifyAsync(Answer(challenge.Token, nonce), new DefaultHttpContext());
            Assert.True(first.IsPassed);
            db.SpentChallenges.Add(new SpentChallenge { ChallengeId = first.Spend!.ChallengeId, ExpiresUtc = first.Spend.ExpiresUtc });
            await db.SaveChangesAsync();
        }

        using var other = database.Create(); // another node, same database
        var replay = await Verifier(other).VerifyAsync(Answer(challenge.Token, nonce), new DefaultHttpContext());

        Assert.Equal("pow-replayed", replay.ReasonCode);
        Assert.True(replay.CountsAsRejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task A_missing_or_forged_token_fails(string token)
    {
        using var db = database.Create();
        var result = await Verifier(db).VerifyAsync(Answer(token, "1"), new DefaultHttpContext());
        Assert.False(result.IsPassed);
        Assert.Equal(token == "" ? "pow-missing" : "pow-invalid", result.ReasonCode);
    }

    [Fact]
    public async Task A_token_from_another_key_ring_is_forged()
    {
        using var db = database.Create();
        var foreign = new ProofOfWorkChallenges(new EphemeralDataProtectionProvider(), clock, Forms.AntiSpam(o => o.ProofOfWorkDifficulty = Difficulty)).Issue();

        var result = await Verifier(db).VerifyAsync(Answer(foreign.Token, Solve(foreign.Token)), new DefaultHttpContext());

        Assert.Equal("pow-invalid", result.ReasonCode);
    }

    [Fact]
    public async Task Without_a_solution_the_resident_waits_then_the_same_challenge_passes()
    {
        using var db = database.Create();
        var challenge = Challenges().Issue();
        var unsolved = Answer(challenge.Token, "");

        clock.Advance(TimeSpan.FromSeconds(5));
        var early = await Verifier(db).VerifyAsync(unsolved, new DefaultHttpContext());
        Assert.Equal("pow-wait", early.ReasonCode);
        Assert.Contains("あと10秒ほど待ってから", early.Message);
        Assert.False(early.CountsAsRejection);
        Assert.Equal(challenge.Token, early.KeepChallenge!.Token);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await Verifier(db).VerifyAsync(unsolved, new DefaultHttpContext())).IsPassed);
    }

    [Fact]
    public async Task With_the_wait_switched_off_a_solution_is_required()
    {
        using var db = database.Create();
        var challenge = Challenges(noScriptWait: 0).Issue();
        clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Verifier(db, noScriptWait: 0).VerifyAsync(Answer(challenge.Token, ""), new DefaultHttpContext());

        Assert.Equal("pow-unsolved", result.ReasonCode);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0x80 }, 16)]
    [InlineData(new byte[] { 0x00, 0x0F, 0xFF }, 12)]
    [InlineData(new byte[] { 0x01 }, 7)]
    [InlineData(new byte[] { 0xFF }, 0)]
    [InlineData(new byte[] { 0x00, 0x00 }, 16)]
    public void Leading_zero_bits_are_counted_from_the_first_byte(byte[] hash, int expected) =>
        Assert.Equal(expected, ProofOfWorkChallenges.LeadingZeroBits(hash));

    public void Dispose() => database.Dispose();
}

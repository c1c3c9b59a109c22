using UedaPublicGoals.Feedback.AntiSpam;

namespace UedaPublicGoals.Tests.Unit.Feedback;

public sealed class BotTrapTests
{
    private static readonly DateTime Issued = new(2025, 5, 1, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, 30, BotTrapVerdict.Human)]
    [InlineData("", 30, BotTrapVerdict.Human)]
    [InlineData("", 3, BotTrapVerdict.Human)]
    [InlineData("", 2.9, BotTrapVerdict.TooFast)]
    [InlineData("", 0, BotTrapVerdict.TooFast)]
    [InlineData("", -60, BotTrapVerdict.TooFast)]
    [InlineData("https://spam.example", 30, BotTrapVerdict.HoneypotFilled)]
    [InlineData(" ", 30, BotTrapVerdict.HoneypotFilled)]
    [InlineData("x", 0, BotTrapVerdict.HoneypotFilled)]
    public void Honeypot_then_minimum_fill_time_decide(string? honeypot, double secondsAfterIssue, BotTrapVerdict expected) =>
        Assert.Equal(expected, BotTrap.Check(honeypot, Issued, Issued.AddSeconds(secondsAfterIssue), minimumFillSeconds: 3));

    [Fact]
    public void A_zero_minimum_only_catches_the_honeypot() =>
        Assert.Equal(BotTrapVerdict.Human, BotTrap.Check(null, Issued, Issued, minimumFillSeconds: 0));
}

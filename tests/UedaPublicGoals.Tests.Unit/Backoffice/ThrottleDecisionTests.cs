using UedaPublicGoals.Backoffice.Accounts.Throttling;

namespace UedaPublicGoals.Tests.Unit.Backoffice;

public sealed class ThrottleDecisionTests
{
    private static readonly LoginThrottlingOptions Options = new()
    {
        Window = TimeSpan.FromMinutes(15),
        FreeFailures = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(10),
        AddressLimit = 20,
    };

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 0, 0)]
    [InlineData(4, 0, 1)]
    [InlineData(5, 0, 2)]
    [InlineData(6, 0, 4)]
    [InlineData(7, 0, 8)]
    [InlineData(8, 0, 10)]
    [InlineData(19, 0, 10)]
    [InlineData(0, 4, 1)]
    [InlineData(0, 500, 10)]
    [InlineData(2, 5, 2)]
    public void Failures_beyond_the_free_ones_wait_twice_as_long_each_time_up_to_the_cap(int addressFailures, int accountFailures, int seconds)
    {
        var decision = ThrottleDecision.For(addressFailures, accountFailures, TimeSpan.FromMinutes(1), Options);
        Assert.False(decision.Refused);
        Assert.Equal(TimeSpan.FromSeconds(seconds), decision.Delay);
    }

    [Fact]
    public void An_address_at_its_limit_is_refused_until_its_oldest_failure_leaves_the_window()
    {
        var decision = ThrottleDecision.For(20, 0, TimeSpan.FromMinutes(10), Options);
        Assert.True(decision.Refused);
        Assert.Equal(TimeSpan.FromMinutes(5), decision.RetryAfter);
    }

    [Fact]
    public void Any_number_of_failures_on_one_account_never_refuses_it()
    {
        Assert.False(ThrottleDecision.For(0, 1_000_000, TimeSpan.Zero, Options).Refused);
    }
}

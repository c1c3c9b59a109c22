using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Tests.Unit;

/// <summary>The one Japan-time helper the backoffice, the public pages and the feedback module share.</summary>
public sealed class TokyoTimeTests
{
    [Fact]
    public void A_datetime_local_value_typed_in_Japan_time_is_stored_as_utc_and_shown_back_unchanged()
    {
        Assert.True(TokyoTime.TryParseLocalInput("２０２４-１０-０１T０９:００", out var utc));

        Assert.Equal(new DateTime(2024, 10, 1, 0, 0, 0), utc);
        Assert.Equal("2024-10-01T09:00", TokyoTime.ToLocalInput(utc));
        Assert.Equal("2024年10月1日 9:00", TokyoTime.LongDateTime(utc));
    }

    [Fact]
    public void The_Tokyo_date_of_a_late_utc_evening_is_the_next_day()
    {
        var utc = new DateTime(2024, 3, 31, 15, 30, 0, DateTimeKind.Utc);

        Assert.Equal("2024年4月1日", TokyoTime.LongDate(utc));
        Assert.Equal(new DateTime(2024, 3, 31, 15, 0, 0), TokyoTime.StartOfDayUtc(new DateOnly(2024, 4, 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-13-01T09:00")]
    [InlineData("明日の朝")]
    public void Anything_but_a_date_and_time_is_refused(string typed) =>
        Assert.False(TokyoTime.TryParseLocalInput(typed, out _));
}

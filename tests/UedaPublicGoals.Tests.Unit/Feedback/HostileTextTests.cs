using UedaPublicGoals.Feedback.Forms;

namespace UedaPublicGoals.Tests.Unit.Feedback;

public sealed class HostileTextTests
{
    [Theory]
    [InlineData("意見\uFFFEです", "意見です")]
    [InlineData("a\uFFFFb\uFDD0c\uFDEFd", "abcd")]
    [InlineData("x\U0001FFFEy\U0010FFFFz", "xyz")]
    [InlineData("\u0000\u0001\u001B\u007F\u0085\u009F", "")]
    [InlineData("行1\r\n行2\tタブ", "行1\r\n行2\tタブ")]
    [InlineData("絵文字\U0001F600と\uFDCFと\uFDF0", "絵文字\U0001F600と\uFDCFと\uFDF0")]
    public void Removes_noncharacters_lone_surrogates_and_controls_but_keeps_text_tabs_and_line_breaks(string input, string expected)
    {
        Assert.Equal(expected, HostileText.Clean(input));
        Assert.Equal(input == expected, HostileText.IsClean(input));
    }

    [Fact]
    public void Removes_lone_surrogates_and_keeps_pairs()
    {
        // In code, not in [InlineData]: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        Assert.Equal("lonehigh", HostileText.Clean("lone\uD800high"));
        Assert.Equal("lonelow", HostileText.Clean("lone\uDC00low"));
        Assert.Equal("\uD83D\uDE00", HostileText.Clean("\uDC00\uD83D\uDE00\uD83D"));
        Assert.False(HostileText.IsClean("end\uD800"));
    }

    [Theory]
    [InlineData("kikaku@example.jp", true)]
    [InlineData("kikaku@example.jp,sogo@example.jp", false)]
    [InlineData("a,b@example.jp", false)]
    [InlineData("企画 <kikaku@example.jp>", false)]
    [InlineData("kikaku@example.jp\r\nBcc: x@example.jp", false)]
    [InlineData("kikaku@localhost", false)]
    public void A_staff_address_is_exactly_one_plain_address(string address, bool valid) =>
        Assert.Equal(valid, SingleEmailAddressAttribute.IsValid(address));
}

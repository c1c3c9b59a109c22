using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Tests.Unit;

public sealed class SlugRuleTests
{
    [Theory]
    [InlineData("seisaku-kikaku", true)]
    [InlineData("r6", true)]
    [InlineData("a", true)]
    [InlineData("Seisaku", false)]
    [InlineData("-koho", false)]
    [InlineData("koho-", false)]
    [InlineData("ko--ho", false)]
    [InlineData("koho.html", false)]
    [InlineData("広報", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_slug_is_lower_case_ascii_words_joined_by_single_hyphens(string? text, bool valid) =>
        Assert.Equal(valid, SlugRule.IsValid(text));

    [Fact]
    public void A_slug_is_at_most_80_characters() =>
        Assert.Equal((true, false), (SlugRule.IsValid(new string('a', 80)), SlugRule.IsValid(new string('a', 81))));
}

using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Tests.Unit.Feedback.Inbox;

public sealed class InboxFilterUnitTests
{
    private static readonly Comment[] Comments =
    [
        new() { ReceiptNumber = "R8-000001", Text = "a", Status = CommentStatus.New },
        new() { ReceiptNumber = "R8-000002", Text = "b", Status = CommentStatus.Hidden },
        new() { ReceiptNumber = "R8-000003", Text = "c", Status = CommentStatus.Answered },
    ];

    private static string[] Receipts(InboxFilter filter, bool? includeHidden) =>
        filter.Apply(Comments.AsQueryable(), includeHidden).AsEnumerable().Select(c => c.ReceiptNumber[^1..]).ToArray();

    [Theory]
    [InlineData(null, null, new[] { "1", "3" })]
    [InlineData("all", null, new[] { "1", "2", "3" })]
    [InlineData("Hidden", null, new[] { "2" })]
    [InlineData(null, false, new[] { "1", "3" })]
    [InlineData("all", false, new[] { "1", "3" })]
    [InlineData("Hidden", false, new string[0])]
    [InlineData(null, true, new[] { "1", "2", "3" })]
    [InlineData("Answered", true, new[] { "3" })]
    [InlineData("NoSuchStatus", null, new[] { "1", "3" })]
    public void The_status_choice_and_the_export_hidden_switch_combine_as_documented(string? status, bool? includeHidden, string[] expected) =>
        Assert.Equal(expected, Receipts(new InboxFilter { Status = status }, includeHidden));

    [Fact]
    public void The_query_string_carries_every_set_filter_escaped_and_the_page_only_after_the_first()
    {
        var filter = new InboxFilter { Status = "New", Field = "SDGs・環境", Age = AgeGroup.Twenties, From = new DateOnly(2026, 10, 1), Q = " バス & 電車 " };
        Assert.Equal("?Status=New&Field=SDGs%E3%83%BB%E7%92%B0%E5%A2%83&Age=Twenties&From=2026-10-01&Q=%E3%83%90%E3%82%B9%20%26%20%E9%9B%BB%E8%BB%8A", filter.ToQueryString());
        Assert.EndsWith("&Page=3", filter.ToQueryString(3));
        Assert.Equal("", new InboxFilter().ToQueryString(1));
    }

    [Fact]
    public void The_audit_description_names_the_filter_in_Japanese() =>
        Assert.Equal("状態=非表示以外, 年代=20代, 経路=郵送, から=2026-10-01", new InboxFilter { Age = AgeGroup.Twenties, Channel = CommentChannel.Post, From = new DateOnly(2026, 10, 1) }.Describe());

    [Theory]
    [InlineData("2025-12-31T14:59:59Z", "R7-")] // 23:59 on 31 December in Tokyo: 令和7年
    [InlineData("2025-12-31T15:00:00Z", "R8-")] // 00:00 on 1 January in Tokyo: 令和8年
    [InlineData("2019-05-01T00:00:00Z", "R1-")]
    public void Receipt_numbers_use_the_Reiwa_year_of_the_Japan_date(string utc, string prefix) =>
        Assert.Equal(prefix, ReceiptNumbers.PrefixFor(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public void Receipt_numbers_have_six_digits() =>
        Assert.Equal("R8-000012", ReceiptNumbers.Format(new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc), 12));
}

public sealed class InboxTextUnitTests
{
    [Theory]
    [InlineData("短い意見", 10, "短い意見")]
    [InlineData("ちょうど五字", 6, "ちょうど五字")]
    [InlineData("バスを増やして", 3, "バスを…")]
    [InlineData("👍👍👍👍", 2, "👍👍…")] // surrogate pairs stay whole
    public void Excerpts_cut_whole_characters(string text, int length, string expected) =>
        Assert.Equal(expected, InboxText.Excerpt(text, length));
}

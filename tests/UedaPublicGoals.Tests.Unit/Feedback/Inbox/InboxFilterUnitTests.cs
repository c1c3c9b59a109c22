using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Submission;

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

    /// <summary>One generator for every channel: the inbox numbers a letter exactly as the form numbers a web comment.</summary>
    [Theory]
    [InlineData("2025-12-31T14:59:59Z", "R7-")] // 23:59 on 31 December in Tokyo: 令和7年度
    [InlineData("2025-12-31T15:00:00Z", "R7-")] // 00:00 on 1 January in Tokyo: still 令和7年度
    [InlineData("2026-03-31T15:00:00Z", "R8-")] // 00:00 on 1 April in Tokyo: 令和8年度
    [InlineData("2019-05-01T00:00:00Z", "R1-")]
    public void Receipt_numbers_use_the_Reiwa_fiscal_year_of_the_Japan_date(string utc, string prefix) =>
        Assert.StartsWith(prefix, ReceiptNumbers.For(12, DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public void Receipt_numbers_have_six_digits() =>
        Assert.Equal("R8-000012", ReceiptNumbers.For(12, new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData("r8-000042")]
    [InlineData(" R8-000042 ")]
    public void A_receipt_number_search_finds_the_comment_whatever_its_channel_and_letter_case(string q)
    {
        var entered = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
        Comment[] comments =
        [
            new() { ReceiptNumber = ReceiptNumbers.For(41, entered), Channel = CommentChannel.Web, Text = "WEB", Status = CommentStatus.New },
            new() { ReceiptNumber = ReceiptNumbers.For(42, entered), Channel = CommentChannel.Post, Text = "郵送", Status = CommentStatus.New },
        ];
        var found = new InboxFilter { Q = q }.Apply(comments.AsQueryable()).Select(c => c.ReceiptNumber).ToArray();
        Assert.Equal(["R8-000042"], found);
    }
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

using System.Net;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>The list narrows by every filter; four comments with distinct attributes tell them apart.</summary>
public sealed class InboxListTests(InboxListTests.FourComments seeded) : IClassFixture<InboxListTests.FourComments>, IAsyncLifetime
{
    private readonly Dictionary<string, Comment> comments = seeded.Comments;
    private readonly Guid goalId = seeded.GoalId;
    private BackofficeSession session = null!;

    public async Task InitializeAsync() => (session, _) = await InboxTestData.LogInOfficerAsync(seeded.Portal);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string[]> Filters() => new()
    {
        { "", ["park", "library", "bus"] },
        { "?Status=all", ["park", "spam", "library", "bus"] },
        { "?Status=Hidden", ["spam"] },
        { "?Status=Reviewed", ["park"] },
        { "?Status=New", ["library", "bus"] },
        { "?Field=" + Uri.EscapeDataString(FeedbackSeeder.ComprehensivePlanFields[0]), ["park", "bus"] },
        { "?Age=Twenties", ["bus"] },
        { "?Age=HighSchool", ["library"] },
        { "?Residence=Other", ["park"] },
        { "?Residence=CommutesIn", ["library"] },
        { "?Channel=Post", ["library"] },
        { "?Channel=Workshop", ["park"] },
        { "?From=2026-10-15&To=2026-10-31", ["library"] },
        { "?To=2026-10-14", ["bus"] },
        { "?From=2026-10-02", ["park", "library"] },
        { "?Q=" + "%E5%9B%B3%E6%9B%B8%E9%A4%A8", ["library"] }, // 図書館
        { "?Q=ほしい&Channel=Web", ["bus"] },
        { "?Q=ほしい&Age=Sixties&Status=all", ["park"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_list_shows_exactly_the_comments_the_filter_asks_for(string query, string[] expected)
    {
        var (response, html) = await HtmlText.GetAsync(session.Client, "/backoffice/feedback" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Select(key => comments[key].ReceiptNumber), InboxTestData.ListedReceipts(html));
        Assert.Contains($"{expected.Length}件の意見があります", HtmlText.MainText(html));
    }

    [Fact]
    public async Task The_goal_filter_and_a_receipt_number_search_find_one_comment()
    {
        var (_, byGoal) = await HtmlText.GetAsync(session.Client, $"/backoffice/feedback?Goal={goalId}");
        Assert.Equal([comments["bus"].ReceiptNumber], InboxTestData.ListedReceipts(byGoal));

        var receipt = comments["library"].ReceiptNumber;
        var (_, byReceipt) = await HtmlText.GetAsync(session.Client, "/backoffice/feedback?Q=" + receipt.ToLowerInvariant());
        Assert.Equal([receipt], InboxTestData.ListedReceipts(byReceipt));
    }

    [Fact]
    public async Task Every_row_has_one_cell_per_column_under_the_right_heading()
    {
        var (_, html) = await HtmlText.GetAsync(session.Client, "/backoffice/feedback");
        var table = HtmlText.Parse(html).QuerySelector("table.inbox-table")!;
        var headings = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        foreach (var row in rows)
        {
            var cells = row.QuerySelectorAll("td").ToList();
            Assert.Equal(headings.Count, cells.Count);
            // The phone layout prints data-label before each cell: it must name the cell's own column.
            Assert.Equal(headings.Skip(1), cells.Skip(1).Select(td => td.GetAttribute("data-label")));
        }

        var bus = rows.Single(r => r.TextContent.Contains(comments["bus"].ReceiptNumber, StringComparison.Ordinal));
        Assert.Equal("上田市内", bus.QuerySelector("td[data-label='住まい']")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_filter_form_keeps_the_chosen_values()
    {
        var (_, html) = await HtmlText.GetAsync(session.Client, "/backoffice/feedback?Age=Twenties&Channel=Post&Q=" + Uri.EscapeDataString("バス"));
        var document = HtmlText.Parse(html);
        Assert.Equal("Twenties", document.QuerySelector("#f-age option[selected]")!.GetAttribute("value"));
        Assert.Equal("Post", document.QuerySelector("#f-channel option[selected]")!.GetAttribute("value"));
        Assert.Equal("バス", document.QuerySelector("#f-q")!.GetAttribute("value"));
    }

    /// <summary>One portal for the class with the four comments; the tests only read, so they share it.</summary>
    public sealed class FourComments : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new();

        public Dictionary<string, Comment> Comments { get; } = [];

        public Guid GoalId { get; private set; }

        public async Task InitializeAsync()
        {
            GoalId = InboxTestData.FirstGoal(Portal).DocumentId;
            var fields = FeedbackSeeder.ComprehensivePlanFields;

            Comments["bus"] = await InboxTestData.AddCommentAsync(Portal, c =>
            {
                c.Text = "バスの本数を増やしてほしい";
                c.Field = fields[0];
                c.AgeGroup = AgeGroup.Twenties;
                c.Residence = Residence.InUeda;
                c.Channel = CommentChannel.Web;
                c.GoalDocumentId = GoalId;
                c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 1);
            });
            // 00:30 in Tokyo on 15 October is still 14 October in UTC: the date filter must use Tokyo dates.
            Comments["library"] = await InboxTestData.AddCommentAsync(Portal, c =>
            {
                c.Text = "図書館の開館時間を延ばしてほしい";
                c.Field = fields[1];
                c.AgeGroup = AgeGroup.HighSchool;
                c.Residence = Residence.CommutesIn;
                c.Channel = CommentChannel.Post;
                c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 15, 0, 30);
            });
            Comments["spam"] = await InboxTestData.AddCommentAsync(Portal, c =>
            {
                c.Text = "格安の宣伝です";
                c.Status = CommentStatus.Hidden;
                c.HiddenReason = "宣伝";
                c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 20);
            });
            Comments["park"] = await InboxTestData.AddCommentAsync(Portal, c =>
            {
                c.Text = "公園に日陰がほしい";
                c.Field = fields[0];
                c.AgeGroup = AgeGroup.Sixties;
                c.Residence = Residence.Other;
                c.Channel = CommentChannel.Workshop;
                c.Status = CommentStatus.Reviewed;
                c.ReceivedUtc = InboxTestData.Tokyo(2026, 11, 1);
            });
        }

        public Task DisposeAsync()
        {
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}

/// <summary>Paging through the inbox: it adds fifty-two comments, so it starts a portal of its own.</summary>
public sealed class InboxPagingTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Fifty_comments_fit_on_a_page_and_the_rest_follow_on_the_next_keeping_the_filter()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        for (var i = 0; i < 52; i++)
        {
            await InboxTestData.AddCommentAsync(portal, c =>
            {
                c.Text = $"まとめて入れた意見 {i}";
                c.Channel = CommentChannel.FacilityCorner;
                c.ReceivedUtc = InboxTestData.Tokyo(2026, 9, 1).AddMinutes(i);
            });
        }

        var (_, first) = await HtmlText.GetAsync(session.Client, "/backoffice/feedback?Channel=FacilityCorner");
        Assert.Equal(50, InboxTestData.ListedReceipts(first).Count);
        var next = HtmlText.Parse(first).QuerySelector("nav[aria-label='ページ送り'] a")!.GetAttribute("href")!;
        Assert.Equal("/backoffice/feedback?Channel=FacilityCorner&Page=2", next);

        var (_, second) = await HtmlText.GetAsync(session.Client, next);
        Assert.Equal(2, InboxTestData.ListedReceipts(second).Count);
        Assert.Equal("2", HtmlText.Parse(second).QuerySelector("nav[aria-label='ページ送り'] [aria-current=page]")!.TextContent.Trim());
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>
/// The same inbox on PostgreSQL, where timestamps must be UTC-kinded and text search, prefix
/// matching and unions translate differently from SQLite.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InboxOnPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task Filters_entry_handling_notes_export_and_statistics_work_on_PostgreSQL()
    {
        using var portal = new PortalFactory { PostgresConnectionString = postgres.SeededConnectionStringFor("feedback_inbox") };
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PlanningOfficer, "tanto@example.jp"); // assignees are staff accounts
        var web = await InboxTestData.AddCommentAsync(portal, c =>
        {
            c.Text = "図書館の開館時間を延ばしてほしい";
            c.AgeGroup = AgeGroup.HighSchool;
            c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 15, 0, 30);
        });
        var consultationId = await InboxTestData.WithFeedbackDbAsync(portal, db => db.Consultations.Where(c => c.IsDefault).Select(c => c.Id).SingleAsync());

        var entered = await session.PostFormAsync("/backoffice/feedback/new", "/backoffice/feedback/new", new()
        {
            ["Form.ConsultationId"] = consultationId.ToString(),
            ["Form.Channel"] = "Post",
            ["Form.ReceivedOn"] = "2026-10-20",
            ["Form.Field"] = FeedbackSeeder.ComprehensivePlanFields[0],
            ["Form.Text"] = "郵送：バス停に屋根を",
        });
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var paper = await InboxTestData.WithFeedbackDbAsync(portal, db => db.Comments.AsNoTracking().SingleAsync(c => c.Channel == CommentChannel.Post));
        Assert.Equal(ReceiptNumbers.For(web.Id + 1, paper.CreatedUtc), paper.ReceiptNumber); // the web comments' sequence and format

        Assert.Equal([web.ReceiptNumber], InboxTestData.ListedReceipts(await session.Client.GetStringAsync("/backoffice/feedback?From=2026-10-15&To=2026-10-15&Q=" + Uri.EscapeDataString("図書館"))));
        Assert.Equal([paper.ReceiptNumber], InboxTestData.ListedReceipts(await session.Client.GetStringAsync("/backoffice/feedback?Q=" + paper.ReceiptNumber)));

        var detail = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/feedback/{web.Id}"));
        var saved = await session.Client.PostAsync($"/backoffice/feedback/{web.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = detail.QuerySelector($"form[action='/backoffice/feedback/{web.Id}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Handling.Stamp"] = detail.QuerySelector("input[name='Handling.Stamp']")!.GetAttribute("value")!,
            ["Handling.Status"] = "Answered",
            ["Handling.AssigneeEmail"] = "tanto@example.jp",
            ["Handling.CityResponse"] = "検討します。",
            ["Handling.IsPublished"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync($"/backoffice/feedback/{web.Id}", $"/backoffice/feedback/{web.Id}/notes", new() { ["Note.Text"] = "メモ" })).StatusCode);
        Assert.Contains("tanto@example.jp", await session.Client.GetStringAsync($"/backoffice/feedback/{web.Id}")); // assignee suggestions (a union query)

        var rows = InboxExportTests.ParseCsv(await (await session.PostFormAsync("/backoffice/feedback", "/backoffice/feedback/export", new() { ["Format"] = "csv" })).Content.ReadAsByteArrayAsync());
        Assert.Equal([web.ReceiptNumber, paper.ReceiptNumber], rows.Skip(1).Select(r => r[0]));

        var stats = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/feedback/statistics?Interval=Day&From=2026-10-14&To=2026-10-20"));
        Assert.Equal("1", InboxStatisticsTests.CountIn(stats, "受付件数の推移", "2026年10月15日（木）"));
        Assert.Equal("1", InboxStatisticsTests.CountIn(stats, "受付件数の推移", "2026年10月20日（火）"));
        Assert.Equal("1", InboxStatisticsTests.CountIn(stats, "受付経路別の件数", "郵送"));

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/backoffice/feedback/consultations/new", "/backoffice/feedback/consultations/new", new()
        {
            ["Form.Title"] = "若者会議への意見", ["Form.Slug"] = "wakamono", ["Form.FieldsText"] = "交通", ["Form.OpensAt"] = "2026-12-01T09:00",
            ["Form.RetentionDays"] = "30", ["Form.Notification"] = "None", ["Form.IsPublic"] = "true",
        })).StatusCode);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), await InboxTestData.WithFeedbackDbAsync(portal, db => db.Consultations.Where(c => c.Slug == "wakamono").Select(c => c.OpensUtc).SingleAsync()));
    }
}

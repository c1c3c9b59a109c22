using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using UedaPublicGoals.Tests.Integration.Search;

namespace UedaPublicGoals.Tests.Integration.InputSafety;

/// <summary>
/// Noncharacters, lone surrogates and controls are removed where form, query and route values are bound;
/// exports and statistics survive rows stored before that; out-of-range dates, malformed bodies and
/// whitespace-only path segments answer 4xx; addresses e-mail goes to are single plain addresses.
/// </summary>
/// <remarks>No test here depends on what another stored (each refused request stores nothing), so they share one portal.</remarks>
public sealed class HostileTextBoundaryTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // U+FFFE, U+FFFF, U+FDD0, U+1FFFE, NUL, BEL, ESC, DEL, NEL (C1), CSI (C1): all removed.
    private const string Hostile = "\uFFFE\uFFFF\uFDD0\U0001FFFE\u0000\u0007\u001B\u007F\u0085\u009B";

    private BackofficeSession session = null!;

    public async Task InitializeAsync() => (session, _) = await InboxTestData.LogInOfficerAsync(portal, global::UedaPublicGoals.Backoffice.Accounts.BackofficeRoles.Administrator);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Hostile_characters_in_a_query_are_removed_before_the_application_sees_them()
    {
        var client = portal.CreatePublicClient();
        await portal.SearchIndexFlushedAsync(); // the search page answers 503 while the index is first built
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString($"重点{Hostile}目標"));
        Assert.Equal("重点目標", HtmlText.Parse(html).QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Exports_and_statistics_answer_for_rows_stored_before_the_boundary_existed()
    {
        await InboxTestData.AddCommentAsync(portal, c =>
        {
            c.Text = $"古い{Hostile}意見"; // (a lone surrogate cannot even be stored: the database's UTF-8 turns it into U+FFFD)
            c.Field = $"分野{Hostile}";
            c.CityResponse = "回答\u0001";
            c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 1);
        });

        var xlsx = await session.PostFormAsync("/backoffice/feedback", "/backoffice/feedback/export", new() { ["Format"] = "xlsx" });
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), isEditable: false))
        {
            var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.InnerText;
            Assert.Contains("古い意見", strings);
        }

        var csv = await session.PostFormAsync("/backoffice/feedback", "/backoffice/feedback/export", new() { ["Format"] = "csv" });
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("古い意見", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));

        var statistics = await session.Client.GetAsync("/backoffice/feedback/statistics");
        Assert.Equal(HttpStatusCode.OK, statistics.StatusCode);
        Assert.Contains("分野", await statistics.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/backoffice/feedback/statistics?From=9999-12-31")]
    [InlineData("/backoffice/feedback/statistics?Interval=Day&From=0001-01-01&To=9999-12-31")]
    [InlineData("/backoffice/feedback/statistics?From=2000-01-01&To=2099-12-31")]
    [InlineData("/backoffice/feedback?To=9999-12-31")]
    public async Task Date_filters_out_of_range_answer_400_not_500_or_an_unbounded_page(string url)
    {
        var response = await session.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リクエストの内容に誤りがあります", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_export_with_a_year_9999_range_answers_400()
    {
        var response = await session.PostFormAsync("/backoffice/feedback", "/backoffice/feedback/export", new() { ["Format"] = "csv", ["To"] = "9999-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("kikaku@example.jp,sogo@example.jp")]
    [InlineData("a,b@example.jp")]
    [InlineData("企画 <kikaku@example.jp>")]
    [InlineData("kikaku@example.jp;sogo@example.jp")]
    public async Task A_staff_address_that_is_not_one_plain_address_is_refused_in_Japanese(string address)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = "若者会議への意見", ["Form.Slug"] = "wakamono", ["Form.Notification"] = "PerComment",
            ["Form.RetentionDays"] = "30", ["Form.IsPublic"] = "false", ["Form.IsDefault"] = "false",
            ["Form.StaffEmailsText"] = "sogo@example.jp\n" + address,
        };
        var response = await session.PostFormAsync("/backoffice/feedback/consultations/new", "/backoffice/feedback/consultations/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("はメールアドレスの形になっていません", HtmlText.Collapse(HtmlText.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent));
        Assert.False(await InboxTestData.WithFeedbackDbAsync(portal, db => db.Consultations.AnyAsync(c => c.Slug == "wakamono")));
    }

    [Fact]
    public async Task A_malformed_multipart_body_answers_400()
    {
        var client = portal.CreatePublicClient();
        foreach (var path in new[] { "/iken/dai3ji-sogo-keikaku/confirm", "/backoffice/login", "/backoffice/media" })
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"Text\"\r\n\r\nunterminated"));
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
            var response = await (path.StartsWith("/backoffice/media", StringComparison.Ordinal) ? session.Client : client).PostAsync(path, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/%20/")]
    [InlineData("/seisaku-kikaku/%20/")]
    [InlineData("/seisaku-kikaku/r6/%09/")]
    [InlineData("/iken/%20/")]
    [InlineData("/iken/%20/results")]
    [InlineData("/pages/%20")]
    [InlineData("/api/v1/pages/%20")]
    [InlineData("/api/v1/departments/%20/years/%20/goals")]
    [InlineData("/search?q=%EF%BF%BE%00")]
    public async Task Whitespace_path_segments_and_hostile_queries_answer_4xx_or_200_never_500(string url)
    {
        var response = await portal.CreatePublicClient().GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
    }
}

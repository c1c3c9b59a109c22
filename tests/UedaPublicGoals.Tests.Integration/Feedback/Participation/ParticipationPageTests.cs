using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Participation;

/// <summary>「どんな人から意見を聞いたか」: counts by 年代 × 受付経路 × 分野 with small groups withheld so subtraction cannot reveal them.</summary>
public sealed class ParticipationPageTests : IDisposable
{
    private const string PagePath = "/iken/dai3ji-sogo-keikaku/participation";
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<(string Row, IReadOnlyList<string> Cells)> Rows);

    /// <summary>Header row, body rows and the 計 row, each with its total cell last.</summary>
    private static Table Read(IDocument page, string caption)
    {
        var table = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent == caption + " の人数");
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.All(table.QuerySelectorAll("tbody th, tfoot th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        return new Table(
            table.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent).ToList(),
            table.QuerySelectorAll("tbody tr, tfoot tr").Select(r => (r.QuerySelector("th")!.TextContent, (IReadOnlyList<string>)r.QuerySelectorAll("td").Select(td => td.TextContent).ToList())).ToList());
    }

    /// <summary>No row or column (totals included) has exactly one number withheld: that one would be its total minus the rest.</summary>
    private static void AssertNothingRecoverable(Table table)
    {
        static bool Withheld(string text) => text is "5未満" or "＊";
        foreach (var (row, cells) in table.Rows)
        {
            Assert.True(cells.Count(Withheld) != 1, $"row {row}: {string.Join(",", cells)}");
        }

        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Rows.Select(r => r.Cells[c]).ToList();
            Assert.True(column.Count(Withheld) != 1, $"column {table.Columns[c]}: {string.Join(",", column)}");
        }
    }

    private async Task AddAsync(int count, AgeGroup? age, CommentChannel channel, string? field, CommentStatus status = CommentStatus.New)
    {
        for (var i = 0; i < count; i++)
        {
            await InboxTestData.AddCommentAsync(portal, c =>
            {
                c.AgeGroup = age;
                c.Channel = channel;
                c.Field = field;
                c.Status = status;
                c.HiddenReason = status == CommentStatus.Hidden ? "スパム" : null;
            });
        }
    }

    [Fact]
    public async Task A_group_under_5_shows_5未満_and_the_cells_that_would_give_it_away_are_withheld_too_while_totals_stay()
    {
        var field = FeedbackSeeder.ComprehensivePlanFields[0];
        await AddAsync(12, AgeGroup.Twenties, CommentChannel.Web, field);
        await AddAsync(3, AgeGroup.Twenties, CommentChannel.Post, field);
        await AddAsync(8, AgeGroup.Thirties, CommentChannel.Web, field);
        await AddAsync(9, AgeGroup.Thirties, CommentChannel.Post, field);
        await AddAsync(5, AgeGroup.Twenties, CommentChannel.Post, field, CommentStatus.Hidden);

        var (response, html) = await HtmlText.GetAsync(portal.CreateClient(), PagePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(html);
        Assert.Contains("合計：32人", HtmlText.MainText(html));

        var ageByChannel = Read(page, "年代 × 受付経路");
        Assert.Equal(["WEB（このサイト）", "郵送", "計"], ageByChannel.Columns);
        Assert.Equal(["＊", "5未満", "15"], ageByChannel.Rows.Single(r => r.Row == "20代").Cells);
        Assert.Equal(["＊", "＊", "17"], ageByChannel.Rows.Single(r => r.Row == "30代").Cells);
        Assert.Equal(["0", "0", "0"], ageByChannel.Rows.Single(r => r.Row == "中学生以下").Cells);
        Assert.Equal(["20", "12", "32"], ageByChannel.Rows.Single(r => r.Row == "計").Cells);
        AssertNothingRecoverable(ageByChannel);

        var ageByField = Read(page, "年代 × 分野");
        Assert.Equal("15", ageByField.Rows.Single(r => r.Row == "20代").Cells[0]);
        var fieldByChannel = Read(page, "分野 × 受付経路");
        Assert.Equal(["20", "12", "32"], fieldByChannel.Rows.Single(r => r.Row == field).Cells);

        // The age chart: a named image whose numbers are text.
        var chart = page.QuerySelector("svg[role=img]")!;
        Assert.Contains("15件", chart.TextContent);
        Assert.Contains("17件", chart.TextContent);
    }

    [Fact]
    public async Task A_survey_answer_set_counts_once_as_WEBアンケート_even_when_its_free_text_is_also_a_comment()
    {
        var consultationId = await GeneratedOpinions.DefaultConsultationIdAsync(portal.Services);
        var setIds = await InboxTestData.WithFeedbackDbAsync(portal, async db =>
        {
            var survey = new UedaPublicGoals.Feedback.Surveys.Survey { ConsultationId = consultationId, Slug = "chugakusei", Title = "中学生アンケート", AudienceLabel = "中学生向け", OpensUtc = DateTime.UtcNow.AddDays(-1), CreatedUtc = DateTime.UtcNow };
            db.Add(survey);
            await db.SaveChangesAsync();
            var sets = Enumerable.Range(0, 6).Select(_ => new UedaPublicGoals.Feedback.Surveys.SurveyAnswerSet { SurveyId = survey.Id, Channel = CommentChannel.WebSurvey, AgeGroup = AgeGroup.JuniorHighOrYounger, ReceivedUtc = DateTime.UtcNow, CreatedUtc = DateTime.UtcNow }).ToList();
            db.AddRange(sets);
            await db.SaveChangesAsync();
            return sets.Select(a => a.Id).ToList();
        });

        // One answer set's free text became a comment of channel WEBアンケート: the same person, not a second one.
        await InboxTestData.AddCommentAsync(portal, c =>
        {
            c.ConsultationId = consultationId;
            c.AgeGroup = AgeGroup.JuniorHighOrYounger;
            c.Channel = CommentChannel.WebSurvey;
            c.SurveyAnswerSetId = setIds[0];
        });

        var page = HtmlText.Parse(await portal.CreateClient().GetStringAsync(PagePath));
        var ageByChannel = Read(page, "年代 × 受付経路");
        var survey = ageByChannel.Columns.ToList().IndexOf("WEBアンケート");
        Assert.True(survey >= 0, string.Join(",", ageByChannel.Columns));
        Assert.Equal("6", ageByChannel.Rows.Single(r => r.Row == "中学生以下").Cells[survey]);
        Assert.Equal("6", ageByChannel.Rows.Single(r => r.Row == "計").Cells[^1]);
    }

    [Fact]
    public async Task Counts_of_240_generated_opinions_match_the_database_wherever_shown_and_nothing_withheld_can_be_recovered()
    {
        var consultationId = await GeneratedOpinions.DefaultConsultationIdAsync(portal.Services);
        await GeneratedOpinions.AddAsync(portal.Services, consultationId, 240);
        var stored = await InboxTestData.WithFeedbackDbAsync(portal, db => db.Comments.AsNoTracking().Where(c => c.Status != CommentStatus.Hidden).ToListAsync());

        var page = HtmlText.Parse(await portal.CreateClient().GetStringAsync(PagePath));
        var ageByChannel = Read(page, "年代 × 受付経路");
        foreach (var caption in new[] { "年代 × 受付経路", "年代 × 分野", "分野 × 受付経路" })
        {
            AssertNothingRecoverable(Read(page, caption));
        }

        var withheld = 0;
        foreach (var (row, cells) in ageByChannel.Rows.Where(r => r.Row != "計"))
        {
            for (var c = 0; c < ageByChannel.Columns.Count - 1; c++)
            {
                var actual = stored.Count(x => (x.AgeGroup is { } a ? FeedbackLabels.Of(a) : "未回答") == row && FeedbackLabels.Of(x.Channel) == ageByChannel.Columns[c]);
                switch (cells[c])
                {
                    case "5未満":
                        Assert.InRange(actual, 1, 4);
                        withheld++;
                        break;
                    case "＊":
                        withheld++;
                        break;
                    default:
                        Assert.Equal(actual.ToString("N0"), cells[c]);
                        break;
                }
            }
        }

        Assert.True(withheld > 0, "240 opinions over 10 年代 and 5 channels leave some small groups");
        Assert.Equal(stored.Count.ToString("N0"), ageByChannel.Rows.Single(r => r.Row == "計").Cells[^1]);
    }

    [Fact]
    public async Task The_footer_link_leads_to_the_default_consultations_page_and_an_unknown_consultation_is_404()
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var home = HtmlText.Parse(await client.GetStringAsync("/"));
        Assert.NotNull(home.QuerySelector("footer a[href='/iken/participation']"));
        var entry = await client.GetAsync("/iken/participation");
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        Assert.Equal(PagePath, entry.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/iken/no-such-consultation/participation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/iken/kekka-koji/no-such-consultation")).StatusCode);
    }
}

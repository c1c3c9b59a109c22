using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Surveys;

/// <summary>A survey built in the backoffice and answered by residents without JavaScript, over the real pipeline on SQLite.</summary>
public sealed class SurveyAnsweringTests : PublishedSurveyTests
{
    [Fact]
    public async Task The_builder_stores_questions_choices_the_age_question_and_the_condition()
    {
        Assert.Equal("中学生向け", Survey.AudienceLabel);
        Assert.Equal([1, 2, 3, 4, 5, 6], Survey.Questions.Select(q => q.Number).Order());
        var age = SurveySteps.Question(Survey, 1);
        Assert.True(age.IsAgeGroup);
        Assert.Equal(Enum.GetValues<AgeGroup>().Select(FeedbackLabels.Of), age.Choices.OrderBy(c => c.Number).Select(c => c.Label));
        var conditional = SurveySteps.Question(Survey, 3);
        Assert.Equal((2, 1), (conditional.ConditionQuestionNumber!.Value, conditional.ConditionChoiceNumber!.Value));
        Assert.Equal(SurveyLabels.ScaleChoices, SurveySteps.Question(Survey, 4).Choices.OrderBy(c => c.Number).Select(c => c.Label));

        var list = HtmlText.MainText(await Portal.OpenSession().Client.GetStringAsync("/iken/anketo"));
        Assert.Contains("中学生のためのまちづくりアンケート", list);
    }

    [Fact]
    public async Task An_answer_with_the_condition_met_is_stored_whole_and_the_resident_sees_their_answers_after_a_redirect()
    {
        var (_, html) = await SurveySteps.AnswerAsync(Portal, Survey);

        var set = await Portal.WithDbAsync(db => db.SurveyAnswerSets.AsNoTracking().Include(s => s.Answers).SingleAsync());
        Assert.Equal(CommentChannel.Web, set.Channel);
        Assert.Equal(AgeGroup.JuniorHighOrYounger, set.AgeGroup);
        Assert.NotNull(set.ClientHash);
        var conditional = SurveySteps.Question(Survey, 3);
        Assert.Equal(["本数が少ない", "料金が高い"], set.Answers.Where(a => a.QuestionId == conditional.Id).Select(a => conditional.Choices.Single(c => c.Id == a.ChoiceId)).OrderBy(c => c.Number).Select(c => c.Label));
        Assert.Equal("部活の帰りに乗れるバスがほしいです。", set.Answers.Single(a => a.QuestionId == SurveySteps.Question(Survey, 5).Id).Text);

        var text = HtmlText.MainText(html);
        Assert.Contains("回答ありがとうございました", text);
        Assert.Contains("あなたの回答", text);
        Assert.Contains("本数が少ない、料金が高い", text);
        Assert.Contains("千曲川", text);
    }

    [Fact]
    public async Task A_conditional_question_whose_condition_is_not_met_is_ignored_whatever_was_sent_for_it()
    {
        await SurveySteps.AnswerAsync(Portal, Survey, form => form[SurveySteps.Field(Survey, 2)] = SurveySteps.Choice(Survey, 2, "いいえ"));

        var answers = await Portal.WithDbAsync(db => db.SurveyAnswers.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(answers, a => a.QuestionId == SurveySteps.Question(Survey, 3).Id);
        Assert.Contains(answers, a => a.QuestionId == SurveySteps.Question(Survey, 2).Id && a.ChoiceId == int.Parse(SurveySteps.Choice(Survey, 2, "いいえ")));
    }

    [Fact]
    public async Task A_browser_answers_once_a_second_visit_shows_its_own_answers_and_a_second_post_stores_nothing()
    {
        var (session, form) = await SurveySteps.OpenAndFillAsync(Portal, Survey);
        var (first, _) = await session.PostAsync(form);
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        var rows = await SurveySteps.StoredRowsAsync(Portal);

        var again = await session.Client.GetAsync(SurveySteps.FormUrl);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(SurveySteps.ResultsUrl, again.Headers.Location!.OriginalString);
        Assert.Contains("あなたの回答", HtmlText.MainText(await session.Client.GetStringAsync(SurveySteps.ResultsUrl)));

        var (second, _) = await session.PostAsync(form);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(rows, await SurveySteps.StoredRowsAsync(Portal));
        Assert.Equal(1, await SurveySteps.AnswerSetCountAsync(Portal));

        // The same form sent again from another browser (a double click racing the cookie) is the same answer set.
        var (replay, _) = await Portal.OpenSession().PostAsync(form);
        Assert.True(replay.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.BadRequest, $"replay answered {(int)replay.StatusCode}");
        Assert.Equal(1, await SurveySteps.AnswerSetCountAsync(Portal));
    }

    [Fact]
    public async Task The_results_page_needs_the_browsers_own_answer_and_a_forged_cookie_is_ignored()
    {
        var visitor = Portal.OpenSession();
        var response = await visitor.Client.GetAsync(SurveySteps.ResultsUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SurveySteps.FormUrl, response.Headers.Location!.OriginalString);

        visitor.Client.DefaultRequestHeaders.Add("Cookie", $"anketo-{Survey.Id}=forged-value");
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync(SurveySteps.FormUrl)).StatusCode);
    }

    [Fact]
    public async Task Results_are_not_broken_down_under_five_answers_and_show_counts_and_percentages_from_five()
    {
        string html = "";
        for (var i = 0; i < 4; i++)
        {
            (_, html) = await SurveySteps.AnswerAsync(Portal, Survey, form =>
                form[SurveySteps.Field(Survey, 2)] = SurveySteps.Choice(Survey, 2, i == 0 ? "いいえ" : "はい"));
        }

        var four = HtmlText.Parse(html);
        Assert.Contains(SurveyLabels.UnderFiveMessage, four.QuerySelector("#result-2")!.ParentElement!.TextContent);
        Assert.Null(four.QuerySelector("#result-2")!.ParentElement!.QuerySelector("table"));

        (_, html) = await SurveySteps.AnswerAsync(Portal, Survey);
        var five = HtmlText.Parse(html);
        Assert.Equal(["はい 4 80.0%", "いいえ 1 20.0%"], SurveySteps.ResultRows(html, 2));
        // 問3 was answered only by the four who use the bus: still under five, still not broken down.
        Assert.Contains(SurveyLabels.UnderFiveMessage, five.QuerySelector("#result-3")!.ParentElement!.TextContent);
        // Free text is never shown to residents.
        Assert.DoesNotContain("部活の帰りに", five.QuerySelector("section.survey-results")!.TextContent);
    }

    [Fact]
    public async Task Free_text_answers_are_comments_of_channel_WEB_survey_in_the_inbox_linked_to_their_answer_set()
    {
        await SurveySteps.AnswerAsync(Portal, Survey);
        var set = await Portal.WithDbAsync(db => db.SurveyAnswerSets.AsNoTracking().SingleAsync());
        var comments = await Portal.CommentsAsync();
        Assert.Equal(2, comments.Count);
        Assert.All(comments, c =>
        {
            Assert.Equal(CommentChannel.WebSurvey, c.Channel);
            Assert.Equal(set.Id, c.SurveyAnswerSetId);
            Assert.Equal(Survey.ConsultationId, c.ConsultationId);
            Assert.Equal(AgeGroup.JuniorHighOrYounger, c.AgeGroup);
            Assert.Matches(@"^R\d+-\d{6}$", c.ReceiptNumber);
        });
        Assert.Contains(comments, c => c.Text.EndsWith("部活の帰りに乗れるバスがほしいです。", StringComparison.Ordinal) && c.Text.Contains("問5", StringComparison.Ordinal));

        var list = HtmlText.MainText(await Officer.Client.GetStringAsync("/backoffice/feedback?Channel=WebSurvey"));
        Assert.Contains("部活の帰りに乗れるバスがほしいです。", list);
        var detail = HtmlText.Parse(await Officer.Client.GetStringAsync($"/backoffice/feedback/{comments[0].Id}"));
        Assert.Contains("WEBアンケート", detail.QuerySelector("main")!.TextContent);
        var link = detail.QuerySelector($"a[href='/backoffice/feedback/surveys/answers/{set.Id}']");
        Assert.NotNull(link);
        var setPage = HtmlText.MainText(await Officer.Client.GetStringAsync(link!.GetAttribute("href")!));
        Assert.Contains("千曲川", setPage);
        Assert.Contains(comments[0].ReceiptNumber, setPage);
    }

    [Fact]
    public async Task Staff_results_show_charts_and_tables_and_the_CSV_and_xlsx_read_back()
    {
        await SurveySteps.AnswerAsync(Portal, Survey);
        await SurveySteps.AnswerAsync(Portal, Survey, form => form[SurveySteps.Field(Survey, 5)] = "=HYPERLINK(\"x\")\n2行目, カンマ");

        var results = HtmlText.Parse(await Officer.Client.GetStringAsync($"{SurveySteps.StaffRoot}/{Survey.Id}/results"));
        Assert.NotNull(results.QuerySelector("svg[role=img]"));
        var busTable = results.QuerySelector("#q2-heading")!.ParentElement!.QuerySelector("table")!;
        Assert.Contains("はい 2", HtmlText.Collapse(busTable.TextContent));

        var csvResponse = await Officer.PostFormAsync($"{SurveySteps.StaffRoot}/{Survey.Id}/results", $"{SurveySteps.StaffRoot}/{Survey.Id}/export", new() { ["format"] = "csv" });
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = InboxExportTests.ParseCsv(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(["回答番号", "受付日", "受付経路", "年代", "問1 あなたの年代を教えてください", "問2 ふだん路線バスを使いますか"], csv[0][..6]);
        Assert.Equal(3, csv.Count);
        Assert.Equal(["WEB（このサイト）", "中学生以下", "中学生以下", "はい", "本数が少ない、料金が高い", "そう思う", "部活の帰りに乗れるバスがほしいです。", "千曲川"], csv[1][2..]);
        Assert.Equal("'=HYPERLINK(\"x\")\n2行目, カンマ", csv[2][8].Replace("\r\n", "\n", StringComparison.Ordinal));

        var xlsxResponse = await Officer.PostFormAsync($"{SurveySteps.StaffRoot}/{Survey.Id}/results", $"{SurveySteps.StaffRoot}/{Survey.Id}/export", new() { ["format"] = "xlsx" });
        var (sheet, rows) = SurveySteps.ReadXlsx(await xlsxResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal("回答一覧", sheet);
        Assert.Equal(csv[0], rows[0]);
        Assert.Equal(csv[1], rows[1]);
        Assert.Equal("=HYPERLINK(\"x\")\n2行目, カンマ", rows[2][8]); // text, never a formula, in .xlsx

        Assert.Equal(2, (await InboxTestData.AuditAsync(Portal, SurveyAuditActions.Export)).Count);
    }

    [Fact]
    public async Task Staff_key_in_a_paper_questionnaire_into_the_same_survey_as_channel_post_audited()
    {
        var paperUrl = $"{SurveySteps.StaffRoot}/{Survey.Id}/paper";
        var form = FormSession.ReadForm(await Officer.Client.GetStringAsync(paperUrl), "#survey-form");
        form["receivedOn"] = "2026-10-20";
        form[SurveySteps.Field(Survey, 1)] = SurveySteps.Choice(Survey, 1, "70代以上");
        form[SurveySteps.Field(Survey, 2)] = SurveySteps.Choice(Survey, 2, "いいえ");
        form[SurveySteps.Field(Survey, 5)] = "紙で答えました。バス停にベンチを。";
        var response = await Officer.Client.PostAsync(paperUrl, new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var set = await Portal.WithDbAsync(db => db.SurveyAnswerSets.AsNoTracking().SingleAsync());
        Assert.Equal(CommentChannel.Post, set.Channel);
        Assert.Equal(AgeGroup.SeventiesOrOlder, set.AgeGroup);
        Assert.NotNull(set.EnteredBy);
        Assert.Equal("2026-10-20", UedaPublicGoals.Kernel.TokyoTime.IsoDate(set.ReceivedUtc));
        var comment = Assert.Single(await Portal.CommentsAsync());
        Assert.Equal((CommentChannel.Post, set.Id, set.EnteredBy), (comment.Channel, comment.SurveyAnswerSetId, comment.EnteredBy));
        var audit = Assert.Single(await InboxTestData.AuditAsync(Portal, SurveyAuditActions.PaperEntry));
        Assert.Contains(set.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.Detail);

        // The same rules as the web: a required question left empty is refused with the form kept.
        var bad = FormSession.ReadForm(await Officer.Client.GetStringAsync(paperUrl), "#survey-form");
        bad[SurveySteps.Field(Survey, 5)] = "残しておく文章";
        var refused = await Officer.Client.PostAsync(paperUrl, new FormUrlEncodedContent(bad.Fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = HtmlText.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("問1に答えてください", refusedPage.QuerySelector($"#{SurveySteps.Field(Survey, 1)}-error")!.TextContent);
        Assert.Equal("残しておく文章", refusedPage.QuerySelector($"#{SurveySteps.Field(Survey, 5)}")!.TextContent);
        Assert.Equal(1, await SurveySteps.AnswerSetCountAsync(Portal));
    }
}

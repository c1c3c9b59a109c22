using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Kernel;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Surveys;

/// <summary>
/// The survey everyone in these tests uses, built through the backoffice as staff would, and a
/// resident's steps through it (each resident a browser of its own, without JavaScript).
/// </summary>
public static class SurveySteps
{
    public const string Slug = "chugakusei-2026";
    public const string FormUrl = "/iken/anketo/" + Slug;
    public const string ResultsUrl = FormUrl + "/kekka";
    public const string StaffRoot = "/backoffice/feedback/surveys";

    /// <summary>
    /// 問1 年代 (required); 問2 バス (required, はい/いいえ); 問3 不便なこと (multiple, only for 問2 = はい);
    /// 問4 5段階; 問5 long text; 問6 short text.
    /// </summary>
    public static Dictionary<string, string> StandardSurvey(int consultationId, DateTime opensTokyo) => new()
    {
        ["Form.ConsultationId"] = consultationId.ToString(CultureInfo.InvariantCulture),
        ["Form.Slug"] = Slug,
        ["Form.Title"] = "中学生のためのまちづくりアンケート",
        ["Form.AudienceLabel"] = "中学生向け",
        ["Form.Description"] = "上田市の将来について、中学生のみなさんの考えを聞かせてください。",
        ["Form.OpensAt"] = opensTokyo.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        ["Form.Questions[0].Text"] = "あなたの年代を教えてください",
        ["Form.Questions[0].Kind"] = "SingleChoice",
        ["Form.Questions[0].IsAgeGroup"] = "true",
        ["Form.Questions[0].IsRequired"] = "true",
        ["Form.Questions[1].Text"] = "ふだん路線バスを使いますか",
        ["Form.Questions[1].Kind"] = "SingleChoice",
        ["Form.Questions[1].ChoicesText"] = "はい\nいいえ",
        ["Form.Questions[1].IsRequired"] = "true",
        ["Form.Questions[2].Text"] = "バスで不便なことは何ですか",
        ["Form.Questions[2].Kind"] = "MultipleChoice",
        ["Form.Questions[2].ChoicesText"] = "本数が少ない\n駅が遠い\n料金が高い",
        ["Form.Questions[2].ConditionQuestion"] = "2",
        ["Form.Questions[2].ConditionChoice"] = "1",
        ["Form.Questions[3].Text"] = "上田市に住み続けたいと思いますか",
        ["Form.Questions[3].Kind"] = "Scale",
        ["Form.Questions[4].Text"] = "上田市への意見を自由に書いてください",
        ["Form.Questions[4].Kind"] = "LongText",
        ["Form.Questions[5].Text"] = "好きな場所を一言で",
        ["Form.Questions[5].Kind"] = "ShortText",
    };

    public static async Task<BackofficeSession> LogInOfficerAsync(PortalFactory portal) => (await InboxTestData.LogInOfficerAsync(portal)).Session;

    /// <summary>Builds the standard survey (open since an hour ago), publishes it and returns it as stored.</summary>
    public static async Task<Survey> CreatePublishedAsync(FeedbackPortal portal, BackofficeSession officer, Action<Dictionary<string, string>>? change = null)
    {
        var consultation = await portal.ComprehensivePlanAsync();
        var fields = StandardSurvey(consultation.Id, TokyoTime.ToTokyo(portal.Clock.GetUtcNow().UtcDateTime).AddHours(-1));
        change?.Invoke(fields);
        var created = await officer.PostFormAsync(StaffRoot + "/new", StaffRoot + "/new", fields);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"create answered {(int)created.StatusCode}: {HtmlText.MainText(await created.Content.ReadAsStringAsync())}");
        var editUrl = created.Headers.Location!.OriginalString;
        var published = await officer.PostFormAsync(editUrl, editUrl + "/publish", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var slug = fields["Form.Slug"];
        var survey = await portal.WithDbAsync(db => db.WithQuestions().SingleAsync(s => s.Slug == slug));
        Assert.Equal(SurveyState.Published, survey.State);
        return survey;
    }

    public static SurveyQuestion Question(Survey survey, int number) => survey.Questions.Single(q => q.Number == number);

    public static string Field(Survey survey, int number) => SurveyAnswerInput.FieldName(Question(survey, number));

    public static string Choice(Survey survey, int number, string label) =>
        Question(survey, number).Choices.Single(c => c.Label == label).Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens the form in a fresh browser and fills a typical answer; <paramref name="fill"/> changes it.</summary>
    public static async Task<(FormSession Session, HtmlFormData Form)> OpenAndFillAsync(FeedbackPortal portal, Survey survey, Action<HtmlFormData>? fill = null, FormSession? session = null)
    {
        session ??= portal.OpenSession();
        var form = await session.FormAsync("/iken/anketo/" + survey.Slug, "#survey-form");
        form[Field(survey, 1)] = Choice(survey, 1, "中学生以下");
        form[Field(survey, 2)] = Choice(survey, 2, "はい");
        form.Fields.Add(new(Field(survey, 3), Choice(survey, 3, "本数が少ない")));
        form.Fields.Add(new(Field(survey, 3), Choice(survey, 3, "料金が高い")));
        form[Field(survey, 4)] = Choice(survey, 4, "そう思う");
        form[Field(survey, 5)] = "部活の帰りに乗れるバスがほしいです。";
        form[Field(survey, 6)] = "千曲川";
        fill?.Invoke(form);
        portal.Clock.Advance(TimeSpan.FromSeconds(40));
        return (session, form);
    }

    /// <summary>Answers in a fresh browser and follows the redirect; returns the browser and the page after answering.</summary>
    public static async Task<(FormSession Session, string Html)> AnswerAsync(FeedbackPortal portal, Survey survey, Action<HtmlFormData>? fill = null)
    {
        var (session, form) = await OpenAndFillAsync(portal, survey, fill);
        var (sent, html) = await session.PostAsync(form);
        Assert.True(sent.StatusCode == HttpStatusCode.SeeOther, $"answer answered {(int)sent.StatusCode}: {HtmlText.MainText(html)}");
        Assert.Equal("/iken/anketo/" + survey.Slug + "/kekka", sent.Headers.Location!.OriginalString);
        var (page, pageHtml) = await session.FollowAsync(sent);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (session, pageHtml);
    }

    public static Task<int> AnswerSetCountAsync(FeedbackPortal portal) => portal.WithDbAsync(db => db.SurveyAnswerSets.CountAsync());

    public static Task<int> StoredRowsAsync(FeedbackPortal portal) =>
        portal.WithDbAsync(async db => await db.SurveyAnswerSets.CountAsync() + await db.SurveyAnswers.CountAsync() + await db.Comments.CountAsync());

    /// <summary>The rows of the results table of question <paramref name="number"/> on the resident's page, cells joined by spaces.</summary>
    public static List<string> ResultRows(string html, int number) =>
        [.. HtmlText.Parse(html).QuerySelector($"#result-{number}")!.ParentElement!.QuerySelectorAll("tbody tr")
            .Select(r => string.Join(' ', r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())))];

    /// <summary>The cells of the first sheet as text, row by row.</summary>
    public static (string SheetName, List<string[]> Rows) ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        return (sheet.Name!.Value!, worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]).ToArray())
            .ToList());
    }
}

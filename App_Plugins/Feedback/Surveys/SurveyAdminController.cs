using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Export;
using UedaPublicGoals.Feedback.Hosting;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Surveys;

public sealed record SurveyListModel(IReadOnlyList<Survey> Surveys, IReadOnlyDictionary<int, string> ConsultationTitles, IReadOnlyDictionary<int, int> AnswerCounts);

public sealed record SurveyEditModel(int? Id, SurveyState State, SurveyForm Form, IReadOnlyList<Consultation> Consultations);

public sealed record SurveyResultsModel(Survey Survey, string ConsultationTitle, SurveyResultsReport Report, IReadOnlyDictionary<int, IReadOnlyList<string>> Texts);

public sealed record SurveyPaperModel(Survey Survey, SurveyAnswerInput Input, IReadOnlyDictionary<string, string> Errors, string? ReceivedOn);

public sealed record SurveyAnswerSetModel(Survey Survey, SurveyAnswerSet Set, IReadOnlyList<Comment> Comments);

/// <summary>
/// WEBアンケート in the backoffice (総合計画担当 and 管理者): build a survey for a consultation,
/// publish and close it, read its results (charts and tables), export its answers as CSV or
/// .xlsx, and key in paper questionnaires (郵送) into the same survey.
/// </summary>
[StaffRoute("surveys")]
[Authorize(Policy = FeedbackPolicies.Inbox)]
[AutoValidateAntiforgeryToken]
public sealed class SurveyAdminController(FeedbackDbContext db, SurveySubmissions submissions, IFeedbackAudit audit, TimeProvider clock, StaffPaths staff) : Controller
{
    public const string ViewsPath = "/Surveys/Views/Staff/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Title"] = "WEBアンケート";
        var surveys = await db.Surveys.AsNoTracking().OrderByDescending(s => s.OpensUtc).ToListAsync(ct);
        var titles = await db.Consultations.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var counts = await db.SurveyAnswerSets.AsNoTracking().GroupBy(s => s.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return View(ViewsPath + "Index.cshtml", new SurveyListModel(surveys, titles, counts));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        await EditView(null, SurveyState.Draft, SurveyForm.Empty(TokyoTime.ToTokyo(clock.GetUtcNow().UtcDateTime).Date), ct);

    /// <summary>Saves a new survey as a draft; 「質問を追加」 (add) returns the form with one more empty question instead.</summary>
    [HttpPost("new")]
    public async Task<IActionResult> New([Bind(Prefix = "Form")] SurveyForm form, [FromForm] string? add, CancellationToken ct)
    {
        if (add is not null)
        {
            return await WithMoreQuestionsAsync(null, form, ct);
        }

        await ValidateAsync(null, form, ct);
        if (!ModelState.IsValid)
        {
            return await EditView(null, SurveyState.Draft, form, ct);
        }

        var survey = new Survey { CreatedUtc = clock.GetUtcNow().UtcDateTime };
        form.ApplyTo(survey);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(SurveyAuditActions.Edit, survey.Slug, $"アンケート「{survey.Title}」を作成（質問{survey.Questions.Count}問）", ct);
        TempData["Notice"] = $"アンケート「{survey.Title}」を下書きとして保存しました。内容を確かめてから公開してください。";
        return Redirect($"{staff.Root}/surveys/{survey.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var survey = await db.WithQuestions().FirstOrDefaultAsync(s => s.Id == id, ct);
        return survey is null ? NotFound() : await EditView(id, survey.State, SurveyForm.From(survey), ct);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] SurveyForm form, [FromForm] string? add, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Questions).ThenInclude(q => q.Choices).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }

        if (survey.State != SurveyState.Draft)
        {
            // Answers refer to the questions: once published they stay as residents saw them.
            ModelState.AddModelError("Form", "公開したアンケートの内容は変えられません。変えるときは、新しいアンケートを作ってください。");
            return await EditView(id, survey.State, SurveyForm.From(survey), ct, StatusCodes.Status409Conflict);
        }

        if (add is not null)
        {
            return await WithMoreQuestionsAsync(id, form, ct);
        }

        await ValidateAsync(survey, form, ct);
        if (!ModelState.IsValid)
        {
            return await EditView(id, survey.State, form, ct);
        }

        db.SurveyQuestions.RemoveRange(survey.Questions);
        form.ApplyTo(survey);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(SurveyAuditActions.Edit, survey.Slug, $"アンケート「{survey.Title}」を変更（質問{survey.Questions.Count}問）", ct);
        TempData["Notice"] = $"アンケート「{survey.Title}」を保存しました。";
        return Redirect($"{staff.Root}/surveys/{id}");
    }

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id, CancellationToken ct) =>
        ChangeStateAsync(id, SurveyState.Draft, SurveyState.Published, SurveyAuditActions.Publish, "公開", ct);

    [HttpPost("{id:int}/close")]
    public Task<IActionResult> Close(int id, CancellationToken ct) =>
        ChangeStateAsync(id, SurveyState.Published, SurveyState.Closed, SurveyAuditActions.Close, "終了", ct);

    [HttpGet("{id:int}/results")]
    public async Task<IActionResult> Results(int id, CancellationToken ct)
    {
        var survey = await db.WithQuestions().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"アンケートの結果：{survey.Title}";
        var textQuestions = survey.Questions.Where(q => q.IsText).Select(q => q.Id).ToList();
        var texts = (await db.SurveyAnswers.AsNoTracking().Where(a => textQuestions.Contains(a.QuestionId) && a.Text != null).OrderBy(a => a.Id)
                .Select(a => new { a.QuestionId, a.Text }).ToListAsync(ct))
            .GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.Text!)]);
        var consultation = await db.Consultations.AsNoTracking().Where(c => c.Id == survey.ConsultationId).Select(c => c.Title).FirstAsync(ct);
        return View(ViewsPath + "Results.cshtml", new SurveyResultsModel(survey, consultation, await SurveyResults.ComputeAsync(db, survey, ct), texts));
    }

    /// <summary>All answer sets as CSV (UTF-8 with BOM) or .xlsx; a POST and audited, as the inbox export is.</summary>
    [HttpPost("{id:int}/export")]
    public async Task<IActionResult> Export(int id, [FromForm] string? format, CancellationToken ct)
    {
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest();
        }

        var survey = await db.WithQuestions().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }

        var sets = await db.SurveyAnswerSets.AsNoTracking().Include(s => s.Answers).Where(s => s.SurveyId == id).OrderBy(s => s.Id).ToListAsync(ct);
        var table = SurveyExport.Build(survey, sets);
        await audit.WriteAsync(SurveyAuditActions.Export, survey.Slug, $"アンケート「{survey.Title}」の回答{sets.Count}件を{(xlsx ? "Excel" : "CSV")}で書き出し", ct);
        var fileBase = $"anketo-{survey.Slug}-{TokyoTime.DateOf(clock.GetUtcNow().UtcDateTime):yyyyMMdd}";
        return xlsx
            ? File(XlsxCommentWriter.Write(table, "回答一覧"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileBase + ".xlsx")
            : File(CsvCommentWriter.Write(table), "text/csv; charset=utf-8", fileBase + ".csv");
    }

    [HttpGet("{id:int}/paper")]
    public async Task<IActionResult> Paper(int id, CancellationToken ct)
    {
        var survey = await db.WithQuestions().FirstOrDefaultAsync(s => s.Id == id, ct);
        return survey is null ? NotFound() : PaperView(survey, SurveyAnswerInput.None, new Dictionary<string, string>(), TokyoTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A paper questionnaire (郵送) keyed in: the same rules as the web form (conditions, required,
    /// choices of this survey only), channel 郵送 and the officer recorded on the answer set, audited.
    /// </summary>
    [HttpPost("{id:int}/paper")]
    [RequestFormLimits(ValueCountLimit = 20_000)]
    public async Task<IActionResult> Paper(int id, [FromForm] string? receivedOn, [FromForm] bool next, CancellationToken ct)
    {
        var survey = await db.WithQuestions().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }

        var input = SurveyAnswerInput.Read(await Request.ReadFormAsync(ct), survey);
        var checkedAnswers = SurveyAnswerRules.Check(survey, input);
        var errors = new Dictionary<string, string>(checkedAnswers.Errors);
        if (!DateOnly.TryParseExact(receivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors["ReceivedOn"] = "受け付けた日を入力してください（例：2026-10-20）。";
        }
        else if (date > TokyoTime.Today(clock))
        {
            errors["ReceivedOn"] = "受け付けた日に、今日より後の日は入力できません。";
        }

        if (errors.Count > 0)
        {
            var view = PaperView(survey, input, errors, receivedOn);
            view.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return view;
        }

        var officer = User.Identity!.Name!;
        var outcome = await submissions.StoreAsync(survey, checkedAnswers, new SurveyReceipt(CommentChannel.Post, TokyoTime.StartOfDayUtc(date), EnteredBy: officer), ct);
        var setId = ((SurveyOutcome.Stored)outcome).AnswerSetId;
        await audit.WriteAsync(SurveyAuditActions.PaperEntry, survey.Slug, $"アンケート「{survey.Title}」に郵送の回答（回答番号{setId}）を登録", ct);
        TempData["Notice"] = $"郵送の回答を登録しました（回答番号{setId}）。";
        return Redirect(next ? $"{staff.Root}/surveys/{id}/paper" : $"{staff.Root}/surveys/answers/{setId}");
    }

    /// <summary>One answer set, with the inbox comments its free-text answers became (the inbox detail links here).</summary>
    [HttpGet("answers/{setId:long}")]
    public async Task<IActionResult> AnswerSet(long setId, CancellationToken ct)
    {
        var set = await db.AnswerSetAsync(setId, ct);
        if (set is null)
        {
            return NotFound();
        }

        var survey = await db.WithQuestions().FirstAsync(s => s.Id == set.SurveyId, ct);
        var comments = await db.Comments.AsNoTracking().Where(c => c.SurveyAnswerSetId == setId).OrderBy(c => c.Id).ToListAsync(ct);
        ViewData["Title"] = $"アンケートの回答 {setId}";
        return View(ViewsPath + "AnswerSet.cshtml", new SurveyAnswerSetModel(survey, set, comments));
    }

    private ViewResult PaperView(Survey survey, SurveyAnswerInput input, IReadOnlyDictionary<string, string> errors, string? receivedOn)
    {
        ViewData["Title"] = $"郵送の回答を登録：{survey.Title}";
        return View(ViewsPath + "Paper.cshtml", new SurveyPaperModel(survey, input, errors, receivedOn));
    }

    private async Task<IActionResult> ChangeStateAsync(int id, SurveyState from, SurveyState to, string action, string verb, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }

        if (survey.State != from)
        {
            TempData["Notice"] = $"アンケート「{survey.Title}」はいま「{SurveyLabels.Of(survey.State)}」のため、{verb}できません。";
            return Redirect($"{staff.Root}/surveys/{id}");
        }

        survey.State = to;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(action, survey.Slug, $"アンケート「{survey.Title}」を{verb}", ct);
        TempData["Notice"] = $"アンケート「{survey.Title}」を{verb}しました。";
        return Redirect($"{staff.Root}/surveys/{id}");
    }

    private async Task<IActionResult> WithMoreQuestionsAsync(int? id, SurveyForm form, CancellationToken ct)
    {
        ModelState.Clear();
        form.Questions.Add(new QuestionForm());
        return await EditView(id, SurveyState.Draft, form, ct);
    }

    private async Task ValidateAsync(Survey? existing, SurveyForm form, CancellationToken ct)
    {
        form.DropEmptyQuestions();
        form.AddProblemsTo(ModelState, "Form");
        var slug = form.Slug?.Trim() ?? "";
        if (slug.Length > 0 && await db.Surveys.AnyAsync(s => s.Slug == slug && (existing == null || s.Id != existing.Id), ct))
        {
            ModelState.AddModelError("Form.Slug", "このURLの名前はほかのアンケートが使っています。別の名前にしてください。");
        }

        if (form.ConsultationId is { } consultation && !await db.Consultations.AnyAsync(c => c.Id == consultation, ct))
        {
            ModelState.AddModelError("Form.ConsultationId", "意見募集を一覧から選んでください。");
        }
    }

    private async Task<IActionResult> EditView(int? id, SurveyState state, SurveyForm form, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        ViewData["Title"] = id is null ? "アンケートを作る" : $"アンケートの編集：{form.Title}";
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Title).ToListAsync(ct);
        var view = View(ViewsPath + "Edit.cshtml", new SurveyEditModel(id, state, form, consultations));
        view.StatusCode = status;
        return view;
    }
}

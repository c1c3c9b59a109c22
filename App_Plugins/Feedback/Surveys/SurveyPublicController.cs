using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Public;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Feedback.Surveys;

public sealed record SurveyListPage(IReadOnlyList<Survey> Surveys);

/// <summary>The answer form: all questions on one page, with what was typed and the messages when it comes back.</summary>
public sealed record SurveyFormPage(Survey Survey, SurveyAnswerInput Input, IReadOnlyDictionary<string, string> Errors, string Ticket, HumanCheckWidget? HumanCheck);

/// <summary>After answering: the resident's own answers and the results so far.</summary>
public sealed record SurveyAnsweredPage(Survey Survey, SurveyAnswerSet Own, SurveyResultsReport Results);

public sealed record SurveyClosedPage(Survey Survey, bool NotYetOpen);

/// <summary>
/// WEBアンケート for residents: /iken/anketo lists the open ones, /iken/anketo/{slug} answers one
/// (one page, no JavaScript needed, conditions applied on the server), then Post/Redirect/Get to
/// /iken/anketo/{slug}/kekka with the resident's answers and the results so far. Once per browser
/// (<see cref="SurveyAnsweredCookie"/>); the comment form's anti-spam (bot trap, human check, rate
/// limit) guards the POST, whose antiforgery token is checked here so a failure keeps the answers.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[CommentOutageNotice]
public sealed class SurveyPublicController(
    FeedbackDbContext db,
    FormTickets tickets,
    HumanCheckPolicy humanChecks,
    RejectionTally rejections,
    SurveySubmissions submissions,
    SurveyAnsweredCookie answered,
    PublishedSurveyQuestions questions,
    IAntiforgery antiforgery,
    TimeProvider clock,
    IOptions<AntiSpamOptions> antiSpam) : Controller
{
    public const string ViewsPath = "/Surveys/Views/Public/";

    /// <summary>Room for a form far larger than any survey: oversized answers get a Japanese message, not an unreadable body.</summary>
    private const int FormValueLimit = 20_000;

    [HttpGet(SurveyPaths.List)]
    [HttpHead(SurveyPaths.List)]
    public async Task<IActionResult> List(CancellationToken ct)
    {
        var now = Now;
        var publicConsultations = db.Consultations.Where(c => c.IsPublic).Select(c => c.Id);
        var open = (await db.Surveys.AsNoTracking()
                .Where(s => s.State == SurveyState.Published && publicConsultations.Contains(s.ConsultationId) && s.OpensUtc <= now)
                .ToListAsync(ct))
            .Where(s => s.IsAnswerableAt(now)).OrderBy(s => s.ClosesUtc ?? DateTime.MaxValue).ThenBy(s => s.Title).ToList();
        SetPage("WEBアンケート", "上田市の計画づくりのためのWEBアンケートの一覧です。スマートフォンから答えられます。", noIndex: false);
        return View(ViewsPath + "List.cshtml", new SurveyListPage(open));
    }

    [HttpGet(SurveyPaths.List + "/{slug}")]
    [HttpHead(SurveyPaths.List + "/{slug}")]
    public async Task<IActionResult> Form(string slug, CancellationToken ct)
    {
        var survey = await FindAsync(slug, ct);
        if (survey is null)
        {
            return NotFound();
        }

        if (answered.Read(HttpContext, survey) is not null)
        {
            return Redirect(SurveyPaths.Results(survey.Slug));
        }

        if (ClosedPage(survey) is { } closed)
        {
            return closed;
        }

        var verifier = await humanChecks.RequiredVerifierAsync(HttpContext.Connection.RemoteIpAddress, ct);
        return FormView(survey, SurveyAnswerInput.None, new Dictionary<string, string>(), tickets.IssueForSurvey(survey.Id), verifier?.CreateWidget(HttpContext));
    }

    [HttpPost(SurveyPaths.List + "/{slug}")]
    [SubmitRateLimited]
    [IgnoreAntiforgeryToken]
    [RequestFormLimits(ValueCountLimit = FormValueLimit)]
    public async Task<IActionResult> Answer(string slug, CancellationToken ct)
    {
        var survey = await FindAsync(slug, ct);
        if (survey is null)
        {
            return NotFound();
        }

        if (!Request.HasFormContentType)
        {
            return BadRequest();
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return BadRequest();
        }

        // Answered already from this browser: nothing more is stored, the resident sees their answers.
        if (answered.Read(HttpContext, survey) is not null)
        {
            return SeeOther(SurveyPaths.Results(survey.Slug));
        }

        if (ClosedPage(survey) is { } closed)
        {
            return closed;
        }

        var input = SurveyAnswerInput.Read(form, survey);
        var ticket = tickets.ReadForSurvey(form["Ticket"]);
        if (ticket is null || ticket.ConsultationId != survey.Id)
        {
            return BadRequest();
        }

        if (!await AntiforgeryValidAsync())
        {
            var expired = Problem("送信の安全を確かめる情報の期限が切れたため、送信できませんでした。入力した内容はそのままです。もう一度「回答を送信する」を押してください。");
            var refused = FormView(survey, input, expired, tickets.IssueForSurvey(survey.Id), null);
            refused.StatusCode = StatusCodes.Status400BadRequest;
            return refused;
        }

        if (BotTrap.Check(form[BotTrap.HoneypotField], ticket.IssuedUtc, Now, antiSpam.Value.MinimumFillSeconds) != BotTrapVerdict.Human)
        {
            // Silently not stored; the list page tells a bot nothing it could adjust to.
            await rejections.RecordAsync(ct);
            return SeeOther(SurveyPaths.List);
        }

        var verifier = await humanChecks.RequiredVerifierAsync(HttpContext.Connection.RemoteIpAddress, ct);
        var checkedAnswers = SurveyAnswerRules.Check(survey, input);
        if (checkedAnswers.Set is null)
        {
            return FormView(survey, input, checkedAnswers.Errors, form["Ticket"]!, verifier?.CreateWidget(HttpContext));
        }

        SingleUseKey? spend = null;
        if (verifier is not null)
        {
            var check = await verifier.VerifyAsync(form, HttpContext, ct);
            if (!check.IsPassed)
            {
                if (check.CountsAsRejection)
                {
                    await rejections.RecordAsync(ct);
                }

                var widget = check.KeepChallenge is { } same ? new HumanCheckWidget(same, null) : verifier.CreateWidget(HttpContext);
                return FormView(survey, input, Problem(check.Message ?? "もう一度「回答を送信する」を押してください。"), form["Ticket"]!, widget);
            }

            spend = check.Spend;
        }

        var outcome = await submissions.StoreAsync(
            survey, checkedAnswers, new SurveyReceipt(CommentChannel.Web, Now, ticket.SubmissionId, HttpContext.Connection.RemoteIpAddress, Spend: spend), ct);
        if (outcome is not SurveyOutcome.Stored stored)
        {
            await rejections.RecordAsync(ct);
            return FormView(survey, input, Problem("この確認はすでに使われています。もう一度「回答を送信する」を押してください。"), form["Ticket"]!, verifier?.CreateWidget(HttpContext));
        }

        answered.Set(HttpContext, survey, stored.AnswerSetId);
        return SeeOther(SurveyPaths.Results(survey.Slug));
    }

    [HttpGet(SurveyPaths.List + "/{slug}/kekka")]
    [HttpHead(SurveyPaths.List + "/{slug}/kekka")]
    public async Task<IActionResult> Results(string slug, CancellationToken ct)
    {
        var survey = await FindAsync(slug, ct);
        if (survey is null)
        {
            return NotFound();
        }

        var own = answered.Read(HttpContext, survey) is { } setId ? await db.AnswerSetAsync(setId, ct) : null;
        if (own is null || own.SurveyId != survey.Id)
        {
            // The results are shown to those who answered: without the cookie, the form (or the closed page).
            return Redirect(SurveyPaths.Survey(survey.Slug));
        }

        Response.Headers.CacheControl = "no-store";
        SetPage($"回答ありがとうございました（{survey.Title}）", survey.Title, noIndex: true);
        return View(ViewsPath + "Answered.cshtml", new SurveyAnsweredPage(survey, own, await SurveyResults.ComputeAsync(db, survey, ct)));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Dictionary<string, string> Problem(string message) => new() { [SurveyAnswerRules.FormError] = message };

    private async Task<bool> AntiforgeryValidAsync()
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    /// <summary>A published survey of a public consultation (drafts do not exist for residents).</summary>
    private async Task<Survey?> FindAsync(string slug, CancellationToken ct)
    {
        if (slug.Length > SurveyModel.SlugMaximum)
        {
            return null;
        }

        var survey = await db.Surveys.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Slug == slug && s.State != SurveyState.Draft && db.Consultations.Any(c => c.Id == s.ConsultationId && c.IsPublic), ct);
        return survey is null ? null : await questions.FillAsync(db, survey, ct);
    }

    private ViewResult? ClosedPage(Survey survey)
    {
        if (survey.IsAnswerableAt(Now))
        {
            return null;
        }

        var notYetOpen = survey.State == SurveyState.Published && Now < survey.OpensUtc;
        SetPage(notYetOpen ? "このアンケートはまだ始まっていません" : "このアンケートは終了しました", survey.Title, noIndex: true);
        return View(ViewsPath + "Closed.cshtml", new SurveyClosedPage(survey, notYetOpen));
    }

    private ViewResult FormView(Survey survey, SurveyAnswerInput input, IReadOnlyDictionary<string, string> errors, string ticket, HumanCheckWidget? widget)
    {
        SetPage($"{(errors.Count > 0 ? "エラー：" : "")}{survey.Title}", $"{survey.AudienceLabel}のアンケート：{survey.Title}", noIndex: errors.Count > 0);
        return View(ViewsPath + "Form.cshtml", new SurveyFormPage(survey, input, errors, ticket, widget));
    }

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private void SetPage(string title, string description, bool noIndex)
    {
        ViewData["Title"] = title;
        ViewData["Description"] = description;
        ViewData["NoIndex"] = noIndex;
    }
}

using System.Data.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.DraftPlans;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Routing;
using UedaPublicGoals.Feedback.Status;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Feedback.Public;

/// <summary>
/// The comment form residents use: /iken/{consultation}/ (input) → confirm → send → thanks
/// (Post/Redirect/Get). Every POST needs the antiforgery token, checked here rather than by the
/// host's global filter so that a failed check (an expired cookie) answers 400 with the form and
/// everything typed, not a blank page. The pages carry that token, so none of them is output-cached.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[CommentOutageNotice]
public sealed class PublicFeedbackController(
    FeedbackDbContext db,
    IFeedbackGoalLookup goals,
    CommentRouter router,
    FormTickets tickets,
    HumanCheckPolicy humanChecks,
    RejectionTally rejections,
    CommentSubmissionService submissions,
    ThanksLinks thanksLinks,
    IAntiforgery antiforgery,
    DraftPlanReader draftPlans,
    TimeProvider clock,
    IOptions<AntiSpamOptions> antiSpam) : Controller
{
    public const string ViewsPath = "/Views/Public/";

    public static string FormUrl(string slug) => $"/iken/{slug}/";

    /// <summary>
    /// The entry point goal pages and the home page link to: sends the resident to the form of the
    /// consultation the routing rules pick for the goal (or the default consultation).
    /// </summary>
    [HttpGet("/iken")]
    [HttpHead("/iken")]
    public async Task<IActionResult> Entry(string? goal, string? initiative, CancellationToken ct)
    {
        var origin = new CommentOrigin();
        FeedbackGoal? found = null;
        if (!string.IsNullOrEmpty(goal))
        {
            found = FindGoal(goal);
            if (found is null)
            {
                return NotFound();
            }

            origin = new CommentOrigin(found.DocumentId, found.DepartmentSlug);
        }

        var route = await router.RouteAsync(origin, null, Now, ct);
        var url = FormUrl(route.Consultation.Slug) + (found is null ? "" : $"?goal={found.DocumentId:D}")
            + (found?.InitiativeTitle(initiative) is null ? "" : $"&initiative={initiative}");
        return Redirect(url);
    }

    /// <summary>寄せられた意見と市の考え方 of the consultation general comments go to: one stable link for every page's footer.</summary>
    [HttpGet("/iken/results")]
    [HttpHead("/iken/results")]
    public async Task<IActionResult> ResultsEntry(CancellationToken ct)
    {
        var route = await router.RouteAsync(new CommentOrigin(), null, Now, ct);
        return Redirect($"/iken/{route.Consultation.Slug}/results");
    }

    [HttpGet("/iken/{consultation}")]
    [HttpHead("/iken/{consultation}")]
    public async Task<IActionResult> Form(string consultation, string? goal, string? initiative, string? paragraph, CancellationToken ct)
    {
        var found = await FindConsultationAsync(consultation, ct);
        if (found is null)
        {
            return NotFound();
        }

        var path = Request.Path.Value ?? "";
        if (!path.EndsWith('/'))
        {
            return RedirectPermanent(path + "/" + Request.QueryString);
        }

        FeedbackGoal? fromGoal = null;
        if (!string.IsNullOrEmpty(goal) && (fromGoal = FindGoal(goal)) is null)
        {
            return NotFound();
        }

        if (ClosedPage(found) is { } closed)
        {
            return closed;
        }

        // Start from where the resident came: the goal's 分野 (when this consultation has it) and the 取組.
        var fields = new CommentFormFields
        {
            Goal = fromGoal?.DocumentId.ToString("D"),
            Initiative = fromGoal?.InitiativeTitle(initiative) is null ? null : initiative,
            Field = fromGoal?.SuggestedField is { } suggested && found.Fields.Contains(suggested) ? suggested : null,
            Paragraph = paragraph,
            Ticket = tickets.Issue(found.Id),
        };
        var (target, stop, errors) = await ReadParagraphAsync(found, fields, FieldErrors.None, ct);
        return stop ?? FormView(found, fromGoal, fields, errors, target);
    }

    [HttpPost("/iken/{consultation}/confirm")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Confirm(string consultation, [FromForm] CommentFormFields form, CancellationToken ct)
    {
        var (page, stop) = await ReadPostAsync(consultation, form, ct);
        if (stop is not null)
        {
            return stop;
        }

        var verifier = await humanChecks.RequiredVerifierAsync(HttpContext.Connection.RemoteIpAddress, ct);
        return ConfirmView(page!, verifier?.CreateWidget(HttpContext), problem: null);
    }

    /// <summary>「修正する」: back to the form with everything as it was.</summary>
    [HttpPost("/iken/{consultation}/edit")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Edit(string consultation, [FromForm] CommentFormFields form, CancellationToken ct)
    {
        if (await AntiforgeryFailedAsync(consultation, form, ct) is { } refused)
        {
            return refused;
        }

        var found = await FindConsultationAsync(consultation, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (ClosedPage(found) is { } closed)
        {
            return closed;
        }

        if (!TryResolveGoal(form.Goal, out var goal) || tickets.Read(form.Ticket) is not { } ticket || ticket.ConsultationId != found.Id)
        {
            return BadRequest();
        }

        var (paragraph, stop, errors) = await ReadParagraphAsync(found, form, FieldErrors.None, ct);
        return stop ?? FormView(found, goal, form, errors, paragraph);
    }

    [HttpPost("/iken/{consultation}/send")]
    [SubmitRateLimited]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Send(string consultation, [FromForm] CommentFormFields form, CancellationToken ct)
    {
        var (page, stop) = await ReadPostAsync(consultation, form, ct);
        if (stop is not null)
        {
            return stop;
        }

        var verifier = await humanChecks.RequiredVerifierAsync(HttpContext.Connection.RemoteIpAddress, ct);
        SingleUseKey? spend = null;
        if (verifier is not null)
        {
            var check = await verifier.VerifyAsync(Request.Form, HttpContext, ct);
            if (!check.IsPassed)
            {
                if (check.CountsAsRejection)
                {
                    await rejections.RecordAsync(ct);
                }

                var widget = check.KeepChallenge is { } same ? new HumanCheckWidget(same, null) : verifier.CreateWidget(HttpContext);
                return ConfirmView(page!, widget, check.Message);
            }

            spend = check.Spend;
        }

        var outcome = await submissions.SubmitAsync(
            new CommentSubmission(page!.Consultation, page.Comment, page.Ticket, page.Goal, spend, HttpContext.Connection.RemoteIpAddress, page.Paragraph) { Initiative = page.Fields.Initiative },
            ct);
        if (outcome is SubmissionOutcome.Stored stored)
        {
            return await SeeOtherThanksAsync(page.Consultation, stored, page.Ticket, ct);
        }

        await rejections.RecordAsync(ct);
        return ConfirmView(page, verifier?.CreateWidget(HttpContext), "この確認はすでに使われています。もう一度「送信する」を押してください。");
    }

    /// <summary>Reads nothing but its signed query value: it works while the database is away.</summary>
    [HttpGet("/iken/{consultation}/thanks")]
    [HttpHead("/iken/{consultation}/thanks")]
    public IActionResult Thanks(string consultation, string? r)
    {
        if (thanksLinks.Read(r) is not { } ticket || ticket.FormSlug != consultation)
        {
            return NotFound();
        }

        var goal = ticket.GoalDocumentId is { } goalId ? goals.Find(goalId) : null;
        SetPage("意見を受け付けました", $"{ticket.FormTitle}：意見を受け付けました。", noIndex: true);
        return View(ViewsPath + "Thanks.cshtml", new ThanksPage(ticket, goal));
    }

    /// <summary>A checked POST of the form, ready for the confirmation page or for storing.</summary>
    private sealed record CheckedPost(Consultation Consultation, FeedbackGoal? Goal, CommentFormFields Fields, ValidatedComment Comment, FormTicket Ticket, ParagraphTarget? Paragraph)
    {
        public ConfirmPage ToConfirm(HumanCheckWidget? widget, string? problem) => new(Consultation, Goal, Fields, Comment, widget, problem, Paragraph);
    }

    /// <summary>
    /// Everything confirm and send both check, in this order: the antiforgery token (the form again,
    /// 400), the consultation exists (404) and is
    /// open (closed page), the goal and ticket are genuine (400), a draft paragraph's draft is open
    /// (its closed page), the bot traps (silent fake
    /// thanks), an earlier commit of the same form (its thanks page), the ticket's age (a new one),
    /// and the input (the form with messages). Returns the checked post or the response to give.
    /// </summary>
    private async Task<(CheckedPost? Post, IActionResult? Stop)> ReadPostAsync(string slug, CommentFormFields form, CancellationToken ct)
    {
        if (await AntiforgeryFailedAsync(slug, form, ct) is { } refused)
        {
            return (null, refused);
        }

        var consultation = await FindConsultationAsync(slug, ct);
        if (consultation is null)
        {
            return (null, NotFound());
        }

        if (ClosedPage(consultation) is { } closed)
        {
            return (null, closed);
        }

        if (!TryResolveGoal(form.Goal, out var goal) || tickets.Read(form.Ticket) is not { } ticket || ticket.ConsultationId != consultation.Id)
        {
            return (null, BadRequest());
        }

        // The paragraph's draft must be open too (its closed page, like the consultation's); an unknown paragraph is a message on the form below.
        var (paragraph, closedDraft, paragraphErrors) = await ReadParagraphAsync(consultation, form, FieldErrors.None, ct);
        if (closedDraft is not null)
        {
            return (null, closedDraft);
        }

        var settings = antiSpam.Value;
        if (BotTrap.Check(Request.Form[BotTrap.HoneypotField], ticket.IssuedUtc, Now, settings.MinimumFillSeconds) != BotTrapVerdict.Human)
        {
            await rejections.RecordAsync(ct);

            // A number and code that are never issued: a bot learns nothing, nobody is shown a real one.
            var fake = new ThanksTicket(
                ReceiptNumbers.Fake(), CheckCodes.For(Guid.NewGuid().ToString("N")), consultation.Slug, consultation.Title, consultation.Slug, consultation.Title, goal?.DocumentId);
            return (null, SeeOther(fake));
        }

        if (await submissions.FindAsync(ticket.SubmissionId, ct) is { } stored)
        {
            return (null, await SeeOtherThanksAsync(consultation, stored, ticket, ct));
        }

        if (Now - ticket.IssuedUtc > TimeSpan.FromHours(settings.FormLifetimeHours))
        {
            form.Ticket = tickets.Issue(consultation.Id);
            var expired = new Dictionary<string, string>
            {
                ["Form"] = "このページを開いてから時間がたったため、送信できませんでした。入力した内容はそのままです。確認して、もう一度「入力内容を確認する」を押してください。",
            };
            return (null, FormView(consultation, goal, form, new FieldErrors(expired), paragraph));
        }

        var (comment, inputErrors) = CommentInput.Validate(form, consultation.Fields);
        var errors = paragraphErrors.For(nameof(form.Paragraph)) is { } unknownParagraph
            ? new FieldErrors(inputErrors).With(nameof(form.Paragraph), unknownParagraph)
            : new FieldErrors(inputErrors);
        if (comment is null || errors.Count > 0)
        {
            return (null, FormView(consultation, goal, form, errors, paragraph));
        }

        // The confirmation page and the send step carry the normalised values from here on.
        var normalised = new CommentFormFields
        {
            Text = comment.Text,
            Field = comment.Field,
            AgeGroup = comment.AgeGroup?.ToString(),
            Residence = comment.Residence?.ToString(),
            Nickname = comment.Nickname,
            ReplyEmail = comment.ReplyEmail,
            Consent = "true",
            Goal = goal?.DocumentId.ToString("D"),
            Initiative = goal?.InitiativeTitle(form.Initiative) is null ? null : form.Initiative,
            Paragraph = paragraph?.Value,
            Ticket = form.Ticket,
        };
        return (new CheckedPost(consultation, goal, normalised, comment, ticket, paragraph), null);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A POST without a valid antiforgery token stores nothing and answers 400. When the rest of
    /// the post is a genuine form, the resident gets it back with a message and a fresh token.
    /// </summary>
    private async Task<IActionResult?> AntiforgeryFailedAsync(string slug, CommentFormFields form, CancellationToken ct)
    {
        try
        {
            if (await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return null;
            }
        }
        catch (AntiforgeryValidationException)
        {
            // The body itself could not be read as a form (e.g. a NUL character): a bad request,
            // with no typed text we could safely give back.
            return BadRequest();
        }

        var consultation = await FindConsultationAsync(slug, ct);
        if (consultation is null || !TryResolveGoal(form.Goal, out var goal) || tickets.Read(form.Ticket) is not { } ticket || ticket.ConsultationId != consultation.Id)
        {
            return BadRequest();
        }

        var message = new Dictionary<string, string>
        {
            ["Form"] = "送信の安全を確かめる情報の期限が切れたため、送信できませんでした。入力した内容はそのままです。確認して、もう一度「入力内容を確認する」を押してください。",
        };
        var result = FormView(consultation, goal, form, new FieldErrors(message));
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }

    private async Task<Consultation?> FindConsultationAsync(string slug, CancellationToken ct) =>
        slug.Length > 80 ? null : await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug && c.IsPublic, ct);

    private FeedbackGoal? FindGoal(string value) => Guid.TryParse(value, out var id) ? goals.Find(id) : null;

    /// <summary>Empty is the general form; anything else must be a published goal.</summary>
    private bool TryResolveGoal(string? value, out FeedbackGoal? goal)
    {
        goal = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        goal = FindGoal(value);
        return goal is not null;
    }

    private ViewResult? ClosedPage(Consultation consultation)
    {
        var now = Now;
        if (consultation.IsOpenAt(now))
        {
            return null;
        }

        var notYetOpen = now < consultation.OpensUtc;
        SetPage(notYetOpen ? "この意見募集はまだ始まっていません" : "この意見募集は締め切りました", consultation.Title, noIndex: true);
        return View(ViewsPath + "Closed.cshtml", new ClosedPage(consultation, notYetOpen));
    }

    /// <summary>
    /// The draft paragraph the form carries, if any. One this consultation's drafts do not have (forged,
    /// or gone) is dropped with a message beside it, the typed text kept; one whose draft is outside
    /// its comment period stops the form with the draft's closed page.
    /// </summary>
    private async Task<(ParagraphTarget? Paragraph, ViewResult? Stop, FieldErrors Errors)> ReadParagraphAsync(
        Consultation consultation, CommentFormFields form, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(form.Paragraph))
        {
            return (null, null, errors);
        }

        var (target, problem) = await draftPlans.ResolveAsync(form.Paragraph, consultation.Id, Now, ct);
        switch (problem)
        {
            case ParagraphProblem.Unknown:
                form.Paragraph = null;
                return (null, null, errors.With(nameof(form.Paragraph), DraftPlanReader.UnknownParagraphMessage));
            case ParagraphProblem.NotYetOpen or ParagraphProblem.Closed:
                var notYetOpen = problem == ParagraphProblem.NotYetOpen;
                SetPage(notYetOpen ? "この案への意見募集はまだ始まっていません" : "この案への意見募集は終わりました", target!.Version.Title, noIndex: true);
                return (null, View(DraftPlanController.ViewsPath + "Closed.cshtml", new DraftClosedPage(target, notYetOpen)), errors);
            default:
                return (target, null, errors);
        }
    }

    private ViewResult FormView(Consultation consultation, FeedbackGoal? goal, CommentFormFields fields, FieldErrors errors, ParagraphTarget? paragraph = null)
    {
        var title = errors.Count > 0 ? "エラー：意見を送る" : "意見を送る";
        SetPage($"{title}（{consultation.Title}）", $"{consultation.Title}：スマートフォンから1分ほどで意見を送れます。", noIndex: goal is not null || paragraph is not null || errors.Count > 0);
        return View(ViewsPath + "Form.cshtml", new CommentFormPage(consultation, goal, fields, errors, paragraph));
    }

    private ViewResult ConfirmView(CheckedPost post, HumanCheckWidget? widget, string? problem)
    {
        SetPage($"{(problem is null ? "" : "エラー：")}入力内容の確認（{post.Consultation.Title}）", post.Consultation.Title, noIndex: true);
        return View(ViewsPath + "Confirm.cshtml", post.ToConfirm(widget, problem));
    }

    /// <summary>The redirect to the thanks page, carrying all it shows (the page itself reads no database).</summary>
    private async Task<IActionResult> SeeOtherThanksAsync(Consultation formConsultation, SubmissionOutcome.Stored stored, FormTicket formTicket, CancellationToken ct)
    {
        var landed = formConsultation;
        if (stored.ConsultationId != formConsultation.Id)
        {
            try
            {
                landed = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == stored.ConsultationId, ct) ?? formConsultation;
            }
            catch (DbException)
            {
                // The comment is stored: its 受付番号 matters more than the name of the consultation it landed in.
            }
        }

        return SeeOther(new ThanksTicket(
            stored.ReceiptNumber, CheckCodes.For(formTicket.SubmissionId), formConsultation.Slug, formConsultation.Title, landed.Slug, landed.Title, stored.GoalDocumentId));
    }

    private StatusCodeResult SeeOther(ThanksTicket ticket)
    {
        Response.Headers.Location = $"/iken/{ticket.FormSlug}/thanks?r={Uri.EscapeDataString(thanksLinks.Create(ticket))}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private void SetPage(string title, string description, bool noIndex)
    {
        ViewData["Title"] = title;
        ViewData["Description"] = description;
        ViewData["NoIndex"] = noIndex;
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Feedback.Public;

/// <summary>
/// The 429 response of the submit endpoint. The rate limiter answers before MVC runs, so this
/// renders the page itself: the confirmation page with everything the resident typed and a
/// message to wait, or (when the post is not a valid form) a short Japanese page.
/// </summary>
public static class RateLimitedPage
{
    public const string Message =
        "短い時間に続けて送信されたため、受付を一時的に止めています。入力した内容はそのままです。1分ほど待ってから、もう一度「送信する」を押してください。";

    public static async Task WriteAsync(HttpContext http, CancellationToken ct)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var services = http.RequestServices;
        var page = await ConfirmPageAsync(http, services, ct);

        var viewData = new ViewDataDictionary(services.GetRequiredService<Microsoft.AspNetCore.Mvc.ModelBinding.IModelMetadataProvider>(), new ModelStateDictionary())
        {
            ["Title"] = "エラー：アクセスが集中しています",
            ["Description"] = "短い時間に続けて送信されました。",
            ["NoIndex"] = true,
        };
        viewData.Model = page is null ? null : page;
        var result = new ViewResult
        {
            ViewName = PublicFeedbackController.ViewsPath + (page is null ? "TooManyRequests.cshtml" : "Confirm.cshtml"),
            ViewData = viewData,
            StatusCode = StatusCodes.Status429TooManyRequests,
        };
        await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }

    private static async Task<ConfirmPage?> ConfirmPageAsync(HttpContext http, IServiceProvider services, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || http.GetRouteValue("consultation") is not string slug)
        {
            return null;
        }

        var form = await http.Request.ReadFormAsync(ct);
        var fields = new CommentFormFields
        {
            Text = form["Text"],
            Field = form["Field"],
            AgeGroup = form["AgeGroup"],
            Residence = form["Residence"],
            Nickname = form["Nickname"],
            ReplyEmail = form["ReplyEmail"],
            Consent = form["Consent"],
            Goal = form["Goal"],
            Ticket = form["Ticket"],
        };

        var db = services.GetRequiredService<FeedbackDbContext>();
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug && c.IsPublic, ct);
        var ticket = services.GetRequiredService<FormTickets>().Read(fields.Ticket);
        if (consultation is null || ticket is null || ticket.ConsultationId != consultation.Id)
        {
            return null;
        }

        FeedbackGoal? goal = null;
        if (!string.IsNullOrEmpty(fields.Goal))
        {
            goal = Guid.TryParse(fields.Goal, out var goalId) ? services.GetRequiredService<IFeedbackGoalLookup>().Find(goalId) : null;
            if (goal is null)
            {
                return null;
            }
        }

        var (comment, _) = CommentInput.Validate(fields, consultation.Fields);
        if (comment is null)
        {
            return null;
        }

        var verifier = await services.GetRequiredService<HumanCheckPolicy>().RequiredVerifierAsync(http.Connection.RemoteIpAddress, ct);
        return new ConfirmPage(consultation, goal, fields, comment, verifier?.CreateWidget(http), Message);
    }
}

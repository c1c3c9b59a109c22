using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UedaPublicGoals.Feedback.Public;

/// <summary>
/// When the database cannot be reached (<see cref="DatabaseFailures.IsOutage"/>: not a bug such as a
/// missing table, which stays a 500), the resident's
/// pages answer a Japanese 503 with Retry-After instead of the generic error page: the comment
/// was not stored, so they are told to send it again in a moment (a re-send of the same form
/// never stores it twice). Local to the module's resident pages.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DatabaseUnavailablePageAttribute : ExceptionFilterAttribute
{
    public const int RetryAfterSeconds = 30;

    public override void OnException(ExceptionContext context)
    {
        if (!DatabaseFailures.IsOutage(context.Exception) || context.HttpContext.Response.HasStarted)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<ILoggerFactory>().CreateLogger<DatabaseUnavailablePageAttribute>()
            .LogError(context.Exception, "The database could not be reached for {Path}; answered 503.", context.HttpContext.Request.Path);
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Result = new ViewResult
        {
            ViewName = PublicFeedbackController.ViewsPath + "Unavailable.cshtml",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary(services.GetRequiredService<IModelMetadataProvider>(), context.ModelState)
            {
                ["Title"] = "エラー：ただいま意見を受け付けられません",
                ["Description"] = "一時的に意見を受け付けられない状態です。",
                ["NoIndex"] = true,
            },
        };
        context.ExceptionHandled = true;
    }
}

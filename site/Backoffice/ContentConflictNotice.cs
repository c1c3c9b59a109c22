using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Backoffice;

/// <summary>
/// A backoffice action lost a race with another save (publish, unpublish, schedule, move, recycle bin):
/// nothing was saved, so say so in Japanese on the page the person came from instead of a 500. The
/// editor's own save answers with its conflict screen before this is reached.
/// </summary>
public sealed class ContentConflictNotice(ITempDataDictionaryFactory tempData) : IExceptionFilter
{
    public const string Message = "ほかの人が同じ時に変更したため、この操作は保存されませんでした。最新の内容を確認してから、もう一度操作してください。";

    public void OnException(ExceptionContext context)
    {
        var request = context.HttpContext.Request;
        if (context.Exception is not ContentConflictException || !request.Path.StartsWithSegments(BackofficeExtensions.PathPrefix))
        {
            return;
        }

        tempData.GetTempData(context.HttpContext)["Notice"] = Message;
        var back = request.Headers.Referer.ToString();
        var local = Uri.TryCreate(back, UriKind.Absolute, out var referer) && referer.Authority == request.Host.Value
            && referer.AbsolutePath.StartsWith(BackofficeExtensions.PathPrefix, StringComparison.Ordinal)
            ? referer.PathAndQuery
            : BackofficeExtensions.PathPrefix + "/";
        context.Result = new RedirectResult(local);
        context.ExceptionHandled = true;
    }
}

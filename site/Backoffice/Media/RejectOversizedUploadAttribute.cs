using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using UedaPublicGoals.Content.Media;

namespace UedaPublicGoals.Backoffice.Media;

/// <summary>
/// Answers an upload larger than the request limit with a Japanese explanation (413)
/// before anything reads the body. Without it the antiforgery check, which reads the form
/// first, would fail on the cut-off body with a bare 400. Runs after the authorization
/// policy (order 0) and before antiforgery (1000); it changes nothing, so it needs no token.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RejectOversizedUploadAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength is not > MediaLimits.MaxUploadRequestBytes || context.Result is not null)
        {
            return;
        }

        var viewData = new ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState)
        {
            ["Title"] = "ファイルが大きすぎます",
        };
        context.Result = new ViewResult { ViewName = "UploadTooLarge", ViewData = viewData, StatusCode = StatusCodes.Status413PayloadTooLarge };
    }
}

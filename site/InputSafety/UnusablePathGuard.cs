using UedaPublicGoals.Api;
using UedaPublicGoals.Feedback.Forms;

namespace UedaPublicGoals.InputSafety;

/// <summary>
/// A path segment that is only whitespace, or holds characters <see cref="HostileText"/> removes, names
/// nothing on this site: answer 404 before routing. Model binding turns a whitespace-only route value
/// into null, which lookups by slug do not expect.
/// </summary>
public static class UnusablePathGuard
{
    public static IApplicationBuilder UseUnusablePathGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsUsable(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await ApiErrorResult.NotFound("指定されたURLは見つかりません。").ExecuteResultAsync(
                        new Microsoft.AspNetCore.Mvc.ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
                }

                return; // otherwise the status-code pages render the Japanese 404
            }

            await next(context);
        });

    public static bool IsUsable(PathString path)
    {
        var value = path.Value ?? "";
        return HostileText.IsClean(value)
            && value.Split('/').All(segment => segment.Length == 0 || !string.IsNullOrWhiteSpace(segment));
    }
}

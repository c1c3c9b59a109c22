using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using UedaPublicGoals.Api;

namespace UedaPublicGoals.Tests.Unit.Api;

/// <summary>Errors keep the API's JSON shape, even for an unexpected exception.</summary>
public sealed class ApiErrorTests
{
    private static async Task<(HttpContext Context, string Body)> ExecuteAsync(IActionResult result)
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context, Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task An_exception_in_an_api_action_answers_json_without_internals()
    {
        var context = new ExceptionContext(
            new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()),
            [])
        {
            Exception = new InvalidOperationException("secret-internal-detail"),
        };
        new ApiExceptionFilter(NullLogger<ApiExceptionFilter>.Instance).OnException(context);

        Assert.True(context.ExceptionHandled);
        var (http, body) = await ExecuteAsync(context.Result!);
        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", http.Response.ContentType);
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
        Assert.StartsWith("{\"error\":{\"code\":\"internal_error\",\"message\":\"サーバーでエラーが発生しました。", body);
        Assert.DoesNotContain("secret-internal-detail", body);
    }

    [Fact]
    public async Task Method_not_allowed_names_the_allowed_methods()
    {
        var (http, body) = await ExecuteAsync(new ApiErrorResult(405, ApiErrorCodes.MethodNotAllowed, "読み取り専用です。"));
        Assert.Equal("GET, HEAD", http.Response.Headers.Allow.ToString());
        Assert.Equal("{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"読み取り専用です。\"}}", body);
    }
}

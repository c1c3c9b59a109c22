using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using UedaPublicGoals.Japanese.Furigana;

namespace UedaPublicGoals.Japanese;

/// <summary>
/// Applies <see cref="PublicPageRewriter"/> to the HTML of public pages. Runs inside the output
/// cache, so a cached page (per furigana variant) is rewritten once, not per request.
/// </summary>
public sealed class PublicPageRewritingMiddleware(RequestDelegate next, PublicPageRewriter rewriter, FuriganaRenderer furigana)
{
    /// <summary>Output-cache tag of every rewritten page: evicted when the glossary or the reading list changes.</summary>
    public const string CacheTag = "japanese-text";

    private static readonly string[] SkippedPrefixes = ["/backoffice", "/api/", "/media/", "/css/", "/js/", "/opendata/goals."];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!HttpMethods.IsGet(context.Request.Method) || SkippedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || Path.HasExtension(path))
        {
            await next(context);
            return;
        }

        var withFurigana = furigana.IsAvailable && FuriganaMode.Requested(context);
        context.Items[FuriganaMode.ItemKey] = furigana.IsAvailable ? withFurigana : null;
        if (furigana.IsAvailable)
        {
            FuriganaMode.Remember(context);
        }

        context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CacheTag);

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        var isHtml = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (context.Response.StatusCode != StatusCodes.Status200OK || !isHtml || context.Response.Headers.ContentEncoding.Count > 0)
        {
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var markTerms = !path.StartsWith("/yogo", StringComparison.OrdinalIgnoreCase);
        var rewritten = Encoding.UTF8.GetBytes(rewriter.Rewrite(html, withFurigana, markTerms));
        context.Response.ContentLength = rewritten.Length;
        await original.WriteAsync(rewritten, context.RequestAborted);
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace UedaPublicGoals.Api;

/// <summary>
/// Bytes answered with an ETag, so a client that already holds them gets 304 Not Modified
/// and an empty body. The ETag is a hash of the exact bytes: it changes when anything in
/// the answer changes (a publish, a new absolute URL), and only then.
/// </summary>
public sealed class CacheableContentResult(ByteSegments content, string contentType, EntityTagHeaderValue etag, TimeSpan maxAge) : IActionResult
{
    public CacheableContentResult(byte[] content, string contentType, EntityTagHeaderValue etag, TimeSpan maxAge)
        : this(new ByteSegments([content]), contentType, etag, maxAge)
    {
    }

    /// <summary>Set to offer the bytes as a download with this file name (Content-Disposition: attachment).</summary>
    public string? DownloadFileName { get; init; }

    /// <summary>
    /// Weak, because response compression may send the same representation as different
    /// bytes; If-None-Match compares weakly anyway.
    /// </summary>
    public static EntityTagHeaderValue ETagFor(ReadOnlySpan<byte> content) => ETagOfHash(SHA256.HashData(content));

    /// <summary>The same ETag as for the joined bytes.</summary>
    public static EntityTagHeaderValue ETagFor(ByteSegments content) => ETagOfHash(content.Hash());

    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(candidate =>
            candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = maxAge };
        // Access-Control-Allow-Origin depends on the Origin header, so caches must keep them apart.
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);

        if (IsNotModified(request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        if (DownloadFileName is { } fileName)
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
        }

        if (!HttpMethods.IsHead(request.Method))
        {
            await content.WriteToAsync(response, context.HttpContext.RequestAborted);
        }
    }

    private static EntityTagHeaderValue ETagOfHash(byte[] sha256) =>
        new($"\"{Convert.ToHexStringLower(sha256.AsSpan(0, 16))}\"", isWeak: true);
}

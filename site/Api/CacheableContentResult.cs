using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace UedaPublicGoals.Api;

/// <summary>
/// Bytes answered with an ETag, so a client that already holds them gets 304 Not Modified
/// and an empty body. The ETag is a hash of the exact bytes: it changes when anything in
/// the answer changes (a publish, a new absolute URL), and only then. The bytes may come in
/// pieces (the open-data files are their goals' fragments), written out one after another.
/// </summary>
public sealed class CacheableContentResult(IReadOnlyList<ReadOnlyMemory<byte>> content, string contentType, EntityTagHeaderValue etag, TimeSpan maxAge) : IActionResult
{
    /// <summary>Written pieces are flushed to the client about this often, not once per piece.</summary>
    private const int FlushEvery = 64 * 1024;

    public CacheableContentResult(byte[] content, string contentType, EntityTagHeaderValue etag, TimeSpan maxAge)
        : this([content], contentType, etag, maxAge)
    {
    }

    /// <summary>Set to offer the bytes as a download with this file name (Content-Disposition: attachment).</summary>
    public string? DownloadFileName { get; init; }

    /// <summary>
    /// Weak, because response compression may send the same representation as different
    /// bytes; If-None-Match compares weakly anyway.
    /// </summary>
    public static EntityTagHeaderValue ETagFor(ReadOnlySpan<byte> content) => ETagForHash(SHA256.HashData(content));

    /// <summary>The ETag for a SHA-256 the caller computed (e.g. over the hashes of a file's pieces).</summary>
    public static EntityTagHeaderValue ETagForHash(ReadOnlySpan<byte> sha256) =>
        new($"\"{Convert.ToHexStringLower(sha256[..16])}\"", isWeak: true);

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
        response.ContentLength = content.Sum(piece => (long)piece.Length);
        if (DownloadFileName is { } fileName)
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
        }

        if (!HttpMethods.IsHead(request.Method))
        {
            var body = response.BodyWriter;
            var unflushed = 0;
            foreach (var piece in content)
            {
                body.Write(piece.Span);
                unflushed += piece.Length;
                if (unflushed >= FlushEvery)
                {
                    await body.FlushAsync(context.HttpContext.RequestAborted);
                    unflushed = 0;
                }
            }

            await body.FlushAsync(context.HttpContext.RequestAborted);
        }
    }
}

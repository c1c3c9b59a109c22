using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace UedaPublicGoals.Api;

/// <summary>
/// The base of every controller that answers under /api/ (the delivery API, search, the
/// OpenAPI document, the JSON 404/405): CORS for the configured origins, the JSON error shape
/// for an unexpected exception, and answers with an ETag (304 on If-None-Match) and the
/// configured Cache-Control. <see cref="ApiEndpointConvention"/> refuses to start a site
/// whose /api/ action does not derive from it or answers GET without HEAD.
/// </summary>
[EnableCors(DeliveryApiExtensions.CorsPolicy)]
[TypeFilter<ApiExceptionFilter>]
[ApiExplorerSettings(IgnoreApi = true)]
public abstract class ApiControllerBase : ControllerBase
{
    /// <summary>The payload in the API's JSON shape, with an ETag of its exact bytes.</summary>
    protected CacheableContentResult CacheableJson(object payload)
    {
        var bytes = ApiJson.SerializeToUtf8(payload);
        return Cacheable(bytes, ApiJson.ContentType, CacheableContentResult.ETagFor(bytes));
    }

    protected CacheableContentResult Cacheable(byte[] content, string contentType, EntityTagHeaderValue etag) =>
        new(content, contentType, etag, TimeSpan.FromSeconds(HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.CacheMaxAgeSeconds));
}

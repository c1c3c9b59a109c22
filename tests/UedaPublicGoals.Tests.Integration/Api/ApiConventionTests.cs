using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Api;
using UedaPublicGoals.Tests.Integration.Search;
using static UedaPublicGoals.Tests.Integration.Api.ApiResponses;

namespace UedaPublicGoals.Tests.Integration.Api;

/// <summary>
/// Every endpoint under /api/, enumerated from the site's own EndpointDataSource (so a route
/// added tomorrow is checked without touching this file), answers HEAD, carries an ETag and
/// answers 304 to it, lets the allowed origin read it, and refuses other methods and unknown
/// values with the API's JSON error.
/// </summary>
public sealed class ApiConventionTests(CorsPortal portal) : IClassFixture<CorsPortal>
{
    /// <summary>A value that finds something, per route or query parameter name.</summary>
    private Dictionary<string, string> Samples() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["department"] = "seisaku-kikaku",
        ["year"] = "2024", // the western year: the goals route and the search filter both take it
        ["id"] = GoalId(portal, "koho").ToString(),
        ["slug"] = "about",
        ["q"] = "広報",
    };

    private static IEnumerable<RouteEndpoint> ApiEndpoints(CorsPortal portal) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => ApiEndpointConvention.IsUnderApi(e.RoutePattern.RawText))
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal);

    [Fact]
    public void The_enumeration_finds_the_delivery_api_search_and_the_openapi_document()
    {
        portal.CreatePublicClient().Dispose(); // builds the host, so the endpoints exist
        var patterns = ApiEndpoints(portal).Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToList();

        Assert.Superset(new HashSet<string> { "api/v1/departments", "api/v1/goals/{id}", "api/v1/search", "api/openapi.json", "api/{**rest}" }, patterns.ToHashSet());
    }

    [Fact]
    public async Task Every_api_route_answers_get_with_etag_304_head_and_cors()
    {
        var client = portal.CreatePublicClient();
        await portal.SearchIndexFlushedAsync(); // /api/v1/search answers 503 while the index is first built
        // The catch-all is the JSON 404/405 for unknown paths: no 200 to cache (its errors are checked below).
        foreach (var endpoint in ApiEndpoints(portal).Where(e => !e.RoutePattern.Parameters.Any(p => p.IsCatchAll)))
        {
            await AssertCacheableAsync(client, PathFor(endpoint, Samples()));
        }
    }

    private static async Task AssertCacheableAsync(HttpClient client, string path)
    {
        var get = await client.SendAsync(Request(HttpMethod.Get, path));
        Assert.True(get.StatusCode == HttpStatusCode.OK, $"{path}: {(int)get.StatusCode} {await get.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", get.Content.Headers.ContentType!.MediaType);
        var etag = get.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(get.Headers.CacheControl!.Public, path);
        Assert.Equal(CorsPortal.AllowedOrigin, get.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var body = await get.Content.ReadAsByteArrayAsync();

        var revalidate = Request(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(etag!);
        var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var head = await client.SendAsync(Request(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Every_api_route_refuses_writes_and_unknown_values_with_a_json_error()
    {
        var client = portal.CreatePublicClient();
        foreach (var endpoint in ApiEndpoints(portal))
        {
            await AssertJsonErrorsAsync(client, endpoint, PathFor(endpoint, Samples()));
        }
    }

    private static async Task AssertJsonErrorsAsync(HttpClient client, RouteEndpoint endpoint, string path)
    {
        var delete = await client.SendAsync(Request(HttpMethod.Delete, path));
        await AssertErrorAsync(delete, HttpStatusCode.MethodNotAllowed, ApiErrorCodes.MethodNotAllowed);
        Assert.Equal(CorsPortal.AllowedOrigin, delete.Headers.GetValues("Access-Control-Allow-Origin").Single());

        if (endpoint.RoutePattern.Parameters.Count > 0)
        {
            var nonsense = endpoint.RoutePattern.Parameters.ToDictionary(p => p.Name, _ => "zzz-nothing-here", StringComparer.OrdinalIgnoreCase);
            var unknown = await client.SendAsync(Request(HttpMethod.Get, PathFor(endpoint, nonsense)));
            Assert.True(unknown.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{endpoint.RoutePattern.RawText}: {(int)unknown.StatusCode}");
            var error = await AssertErrorAsync(unknown, unknown.StatusCode, unknown.StatusCode == HttpStatusCode.NotFound ? ApiErrorCodes.NotFound : ApiErrorCodes.InvalidId);
            Assert.NotEmpty((string)error["message"]!);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", CorsPortal.AllowedOrigin);
        return request;
    }

    /// <summary>The route filled with <paramref name="values"/>, plus the query parameters the action binds that have a value.</summary>
    private static string PathFor(RouteEndpoint endpoint, IReadOnlyDictionary<string, string> values)
    {
        var segments = endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { IsCatchAll: true } => "no-such-endpoint",
            RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var value)
                ? Uri.EscapeDataString(value)
                : throw new InvalidOperationException($"Add a sample value for the route parameter {parameter.Name} of {endpoint.RoutePattern.RawText}."),
            _ => throw new InvalidOperationException(part.ToString()),
        })));
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()?.Parameters ?? [])
            .Where(p => !routeNames.Contains(p.Name) && p.BindingInfo?.BindingSource is null || p.BindingInfo?.BindingSource == BindingSource.Query)
            .Where(p => values.ContainsKey(p.Name))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(values[p.Name])}")
            .ToList();
        return "/" + string.Join('/', segments) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}

using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Routing.Patterns;

namespace UedaPublicGoals.Api;

/// <summary>
/// Reserves the /api/ path space for API endpoints. Without it, /api/v1/nothing would match
/// the public goal route /{department}/{year}/{goal} and answer with the HTML 404 page; with
/// it, only routes that start with the literal "api" may answer there, so anything unknown
/// falls through to <see cref="ApiFallbackController"/> and its JSON 404. (A department can
/// therefore never be called "api".)
/// </summary>
public sealed class ApiPathsBelongToApi : MatcherPolicy, IEndpointSelectorPolicy
{
    // After the HTTP method policy, so a 405 decision is taken on what is left.
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e is RouteEndpoint route && !StartsWithApi(route.RoutePattern));

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint is RouteEndpoint route && !StartsWithApi(route.RoutePattern))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static bool StartsWithApi(RoutePattern pattern) =>
        pattern.PathSegments.Count > 0
        && pattern.PathSegments[0].Parts is [RoutePatternLiteralPart { Content: var first }]
        && first.Equals("api", StringComparison.OrdinalIgnoreCase);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace UedaPublicGoals.Kernel;

/// <summary>
/// First path segments the site itself answers (/api, /backoffice, /iken, /opendata, /css, …),
/// read from the endpoints the host actually mapped: controllers of the host and of every
/// module, and the static assets. A department slug equal to one of them could never be
/// reached, and a new feature's route is reserved the moment it is mapped, without a list to
/// remember.
/// </summary>
public sealed class ReservedPathSegments(EndpointDataSource endpoints)
{
    private IReadOnlySet<string>? segments;

    public IReadOnlySet<string> All => segments ??= Collect(endpoints.Endpoints);

    public bool Contains(string slug) => All.Contains(slug);

    internal static IReadOnlySet<string> Collect(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault())
            .Select(first => first?.Parts is [RoutePatternLiteralPart { Content: var literal }] ? literal.ToLowerInvariant() : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}

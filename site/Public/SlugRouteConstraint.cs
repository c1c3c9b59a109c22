using System.Text.RegularExpressions;

namespace UedaPublicGoals.Public;

/// <summary>
/// Route values for departments, years, goals and pages are ASCII slugs. Anything else
/// (dots, encoded traversal, non-ASCII, over-long) never reaches a controller: 404.
/// </summary>
public sealed partial class SlugRouteConstraint : IRouteConstraint
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && value is string text
        && text.Length <= 80
        && Pattern().IsMatch(text);
}

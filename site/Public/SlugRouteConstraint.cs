namespace UedaPublicGoals.Public;

/// <summary>
/// Route values for departments, years, goals and pages are ASCII slugs (<see cref="SlugRule"/>).
/// Anything else (dots, encoded traversal, non-ASCII, over-long) never reaches a controller: 404.
/// </summary>
public sealed class SlugRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && SlugRule.IsValid(value as string);
}

using Microsoft.AspNetCore.Mvc.Routing;

namespace UedaPublicGoals.Public;

/// <summary>GET and HEAD on the same route: link checkers and crawlers send HEAD to public pages.</summary>
public sealed class HttpGetOrHeadAttribute(string template) : HttpMethodAttribute(["GET", "HEAD"], template);

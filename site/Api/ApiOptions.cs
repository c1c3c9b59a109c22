namespace UedaPublicGoals.Api;

/// <summary>Delivery API options, bound from the "Api" section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Origins (scheme://host[:port]) whose browser scripts may read the API cross-origin,
    /// e.g. a newspaper's interactive graphic. Empty by default: no origin is allowed.
    /// Set with Api__CorsOrigins__0=https://news.example.jp, Api__CorsOrigins__1=….
    /// </summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>How long clients and shared caches may reuse an answer before revalidating it with its ETag.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 60;

    /// <summary>The configured origins that are not a bare http(s) origin, for a start-up error that names them.</summary>
    public IReadOnlyList<string> InvalidCorsOrigins() =>
        CorsOrigins.Where(origin => NormalizeOrigin(origin) is null).ToList();

    /// <summary>"https://News.example.jp/" -> "https://news.example.jp"; null when it is not an origin.</summary>
    public static string? NormalizeOrigin(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin)
            || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/"
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || uri.UserInfo.Length > 0
            || origin.Contains('*'))
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}

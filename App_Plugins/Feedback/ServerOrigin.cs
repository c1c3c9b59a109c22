namespace UedaPublicGoals.Feedback;

/// <summary>
/// The origin a node was configured to listen on, for absolute links when no public origin is
/// set. Shared by the host and the module; never the request's Host header, which a client chooses.
/// </summary>
public static class ServerOrigin
{
    /// <summary>The first address of an ASP.NET Core <c>Urls</c> value, wildcards read as localhost.</summary>
    public static string FromUrls(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return "http://localhost:5080";
        }

        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return first.TrimEnd('/');
    }
}

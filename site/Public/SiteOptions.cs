using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Public;

/// <summary>Bound from the "Site" section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required]
    public string Name { get; set; } = "上田市 重点目標ポータル";

    /// <summary>
    /// Public origin used in canonical links, OpenGraph tags, sitemap.xml, robots.txt and API URLs,
    /// e.g. https://goals.example.jp. When empty, the node's own configured address (Urls) is used:
    /// never the request's Host header, which a client chooses.
    /// </summary>
    [HttpOrigin]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The first address of the Urls setting (wildcards read as localhost); set at start, not bound.</summary>
    public string ServerOrigin { get; internal set; } = "http://localhost:5080";

    public string PublicOrigin => string.IsNullOrWhiteSpace(PublicBaseUrl) ? ServerOrigin : PublicBaseUrl.TrimEnd('/');

    public string AbsoluteUrl(string path) => PublicOrigin + path;

    /// <summary>PublicBaseUrl is empty or an http(s) origin without path, query or fragment.</summary>
    public bool HasValidPublicBaseUrl =>
        string.IsNullOrWhiteSpace(PublicBaseUrl)
        || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0);
}

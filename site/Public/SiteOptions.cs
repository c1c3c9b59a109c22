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

    /// <summary>Goal cards on one page of a fiscal year (?page=n beyond it), so a year page stays small at any size.</summary>
    [Range(1, 500)]
    public int GoalsPerPage { get; set; } = 20;

    /// <summary>
    /// The home page shows the featured year's goals as cards while they are at most this many; above it, each
    /// department is one link with its count, so the home page grows with departments, not with goals.
    /// </summary>
    [Range(0, 500)]
    public int HomeCardLimit { get; set; } = 24;

    /// <summary>
    /// Departments on one page of the 部局一覧 (/bukyoku/), and on the home page before its link to the 部局一覧,
    /// so the home page does not grow with the number of departments either.
    /// </summary>
    [Range(1, 500)]
    public int DepartmentsPerPage { get; set; } = 20;

    /// <summary>The first address of the Urls setting (wildcards read as localhost); set at start, not bound.</summary>
    public string ServerOrigin { get; internal set; } = "http://localhost:5080";

    public string PublicOrigin => string.IsNullOrWhiteSpace(PublicBaseUrl) ? ServerOrigin : PublicBaseUrl.TrimEnd('/');

    public string AbsoluteUrl(string path) => PublicOrigin + path;

    /// <summary>PublicBaseUrl is empty or an http(s) origin without path, query or fragment.</summary>
    public bool HasValidPublicBaseUrl =>
        string.IsNullOrWhiteSpace(PublicBaseUrl)
        || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0);
}

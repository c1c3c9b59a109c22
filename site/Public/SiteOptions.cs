using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Public;

/// <summary>Bound from the "Site" section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required]
    public string Name { get; set; } = "上田市 重点目標ポータル";

    /// <summary>
    /// Public origin used in canonical links, OpenGraph tags and sitemap.xml, e.g.
    /// https://goals.example.jp. When empty, the request's own scheme and host are used.
    /// </summary>
    [HttpOrigin]
    public string? PublicBaseUrl { get; set; }

    public string AbsoluteUrl(HttpRequest request, string path)
    {
        var origin = string.IsNullOrWhiteSpace(PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host.Value}"
            : PublicBaseUrl.TrimEnd('/');
        return origin + path;
    }
}

using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public.Listings;

namespace UedaPublicGoals.Public;

public sealed class SeoController(PublishedContentCache cache, IOptions<SiteOptions> site) : Controller
{
    [HttpGetOrHead("/robots.txt")]
    public ContentResult Robots()
    {
        var sitemap = site.Value.AbsoluteUrl("/sitemap.xml");
        return Content($"User-agent: *\nDisallow: /backoffice/\nDisallow: /error/\nSitemap: {sitemap}\n", "text/plain; charset=utf-8");
    }

    [HttpGetOrHead("/sitemap.xml")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public ContentResult Sitemap()
    {
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(ContentCacheTags.Listings);
        var current = cache.Current;
        var entries = new List<(string Path, DateTime? Modified)> { ("/", null) };
        entries.AddRange(DepartmentDirectoryPage.PageUrls(current.Departments.Count, site.Value.DepartmentsPerPage).Select(url => (url, (DateTime?)null)));
        foreach (var department in current.Departments)
        {
            entries.Add((department.Url, null));
            foreach (var year in department.Years)
            {
                entries.Add((year.Url, year.Goals.Max(g => g.PublishedUtc)));
                entries.AddRange(year.Goals.Select(g => (g.Url, (DateTime?)g.PublishedUtc)));
            }
        }

        entries.AddRange(current.Pages.Select(p => (p.Url, (DateTime?)p.PublishedUtc)));

        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (path, modified) in entries)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", site.Value.AbsoluteUrl(path));
                if (modified is { } date)
                {
                    writer.WriteElementString("lastmod", date.ToString("yyyy-MM-dd"));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return Content(builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/xml; charset=utf-8");
    }
}

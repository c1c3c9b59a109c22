using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using UedaPublicGoals.Content.Publishing;

namespace UedaPublicGoals.Public;

/// <summary>
/// Base of the controllers that serve output-cached public pages (content, the API page, the open-data page):
/// one trailing-slash rule and one way to tag a response so a publish evicts it.
/// </summary>
public abstract class PublishedPageController : Controller
{
    protected const string Home = "ホーム";

    /// <summary>Page URLs end in a slash; the slash-less form redirects permanently so there is one canonical URL.</summary>
    protected RedirectResult? RedirectToTrailingSlash()
    {
        var path = Request.Path.Value ?? "/";
        return path.EndsWith('/') ? null : RedirectPermanent(path + "/" + Request.QueryString);
    }

    /// <summary>Evicted when this document is published again.</summary>
    protected void TagDocument(Guid documentId) =>
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(ContentCacheTags.Document(documentId));

    /// <summary>Evicted by every publish: the page lists or counts published content.</summary>
    protected void TagListing() =>
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(ContentCacheTags.Listings);
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Feedback.Follow;
using UedaPublicGoals.Feedback.Results;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Follow.Feeds;

/// <summary>
/// The Atom feeds: the whole site (every goal's publishes), one goal (reports and KPI values), one consultation
/// (opened, closed, results published). Output-cached; goal feeds are evicted by the publish handlers through the
/// document and listing tags, consultation feeds by the inbox through the results tags. A weak ETag answers 304.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class FeedController(FollowUpdates updates, IOptions<SiteOptions> site, TimeProvider clock) : Controller
{
    public const int EntriesPerFeed = 50;

    [HttpGetOrHead(FollowPaths.Feeds)]
    [OutputCache(PolicyName = FollowExtensions.FeedPolicy)]
    public Task<IActionResult> Site(CancellationToken ct)
    {
        Tag(ContentCacheTags.Listings);
        return FeedAsync(FollowTopic.Site, ct);
    }

    [HttpGetOrHead(FollowPaths.Feeds + "/goal/{id:guid}")]
    [OutputCache(PolicyName = FollowExtensions.FeedPolicy)]
    public Task<IActionResult> Goal(Guid id, CancellationToken ct)
    {
        Tag(ContentCacheTags.Document(id));
        Tag(ContentCacheTags.Listings);
        return FeedAsync(FollowTopic.Goal(id), ct);
    }

    [HttpGetOrHead(FollowPaths.Feeds + "/iken/{slug:slug}")]
    [OutputCache(PolicyName = FollowExtensions.FeedPolicy)]
    public async Task<IActionResult> Consultation(string slug, [FromServices] ConsultationFollowSource consultations, CancellationToken ct)
    {
        if (await consultations.FindAsync(slug, ct) is { } consultation)
        {
            Tag(FeedbackResultsCache.Tag(consultation.Id));
            Tag(FeedbackResultsCache.AllTag);
        }

        return await FeedAsync(FollowTopic.Consultation(slug), ct);
    }

    private async Task<IActionResult> FeedAsync(FollowTopic topic, CancellationToken ct)
    {
        var thing = await updates.DescribeAsync(topic, ct);
        if (thing is null)
        {
            return NotFound();
        }

        var list = await updates.ListAsync(topic, afterUtc: null, clock.GetUtcNow().UtcDateTime, EntriesPerFeed, ct);
        var feed = AtomFeed.Build(site.Value.PublicOrigin, thing, list, site.Value.Name);
        var bytes = Encoding.UTF8.GetBytes($"{feed.Declaration}\n{feed.Root}");
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(bytes))[..32]}\"", isWeak: true);
        Response.Headers.ETag = etag.ToString();
        if (Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Compare(etag, useStrongComparison: false)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return File(bytes, AtomFeed.FeedContentType + "; charset=utf-8");
    }

    private void Tag(string tag) => HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
}

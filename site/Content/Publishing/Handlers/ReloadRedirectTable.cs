using UedaPublicGoals.Content.Redirects;

namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>A publish may have moved a URL (slug change): reload the table with the committed redirects.</summary>
public sealed class ReloadRedirectTable(RedirectTable table) : IPublishHandler
{
    public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken) => table.RebuildAsync(cancellationToken);
}

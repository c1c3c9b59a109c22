using UedaPublicGoals.OpenData;

namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>Makes goals.csv and goals.json for the new snapshot now, so no request waits for them.</summary>
public sealed class RegenerateOpenData(OpenDataFiles files) : IPublishHandler
{
    public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        _ = files.Current;
        return Task.CompletedTask;
    }
}

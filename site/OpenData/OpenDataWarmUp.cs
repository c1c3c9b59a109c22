namespace UedaPublicGoals.OpenData;

/// <summary>
/// Builds goals.csv and goals.json, with every department's pieces, in the background right after start, so no
/// request waits for them and the first publish only replaces its own goal's pieces (at 5,000 goals the whole
/// build takes seconds). A publish racing it loses nothing: <see cref="OpenDataFiles.Current"/> builds under one
/// lock from the read model's snapshot of that moment, and the publish's own call builds again once the snapshot moved on.
/// </summary>
public sealed class OpenDataWarmUp(OpenDataFiles files, ILogger<OpenDataWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(
            () =>
            {
                try
                {
                    _ = files.Current;
                }
                catch (Exception ex)
                {
                    // The first request or publish builds them instead.
                    logger.LogWarning(ex, "Building the open-data files at start failed.");
                }
            },
            stoppingToken);
}

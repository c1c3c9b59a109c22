using System.Collections.Concurrent;
using System.Diagnostics;
using UedaPublicGoals.Content.Publishing;

namespace UedaPublicGoals.Tests.Integration.Content;

/// <summary>
/// The publish activities (<see cref="PublishTracing"/>) that stop while this listens, with the node each ran on:
/// other tests' nodes run in the same process, so a test picks its nodes' activities by node id.
/// </summary>
internal sealed class StoppedPublishActivities : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> stopped = new();

    public StoppedPublishActivities()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PublishTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> All => stopped.ToList();

    public void Clear() => stopped.Clear();

    /// <summary>The node's first dispatch of a batch, once it has stopped (all its handlers ran).</summary>
    public async Task<Activity> WaitForDispatchOnAsync(string node, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var dispatch = stopped.FirstOrDefault(a => a.OperationName == PublishTracing.Dispatch && NodeOf(a) == node);
            if (dispatch is not null)
            {
                return dispatch;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), failure);
            await Task.Delay(5);
        }
    }

    /// <summary>The handlers that ran in a dispatch, by name, in the order they stopped.</summary>
    public IReadOnlyList<string> HandlersOf(Activity dispatch) =>
        stopped.Where(a => a.OperationName == PublishTracing.Handler && a.Parent == dispatch).Select(a => a.DisplayName).ToList();

    /// <summary>The node tag of the activity or of the nearest parent that has one.</summary>
    public static string? NodeOf(Activity activity)
    {
        for (var a = activity; a is not null; a = a.Parent)
        {
            if (a.GetTagItem(PublishTracing.NodeTag) is string node)
            {
                return node;
            }
        }

        return null;
    }

    public void Dispose() => listener.Dispose();
}

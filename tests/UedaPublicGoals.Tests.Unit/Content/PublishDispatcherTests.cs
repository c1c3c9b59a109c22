using Microsoft.Extensions.Logging.Abstractions;
using UedaPublicGoals.Content.Publishing;

namespace UedaPublicGoals.Tests.Unit.Content;

/// <summary>The dispatcher's contract: the listed order, isolation of a failing handler, retries, and a limit.</summary>
public sealed class PublishDispatcherTests
{
    private static readonly PublishBatch Batch = new([Guid.NewGuid(), Guid.NewGuid()]);

    [Fact]
    public async Task Handlers_run_in_the_listed_order_and_a_failing_one_does_not_stop_the_next()
    {
        var ran = new List<string>();
        var dispatcher = new PublishDispatcher(
            [new Step("first", ran), new Step("broken", ran, failures: 1), new Step("third", ran)],
            NullLogger<PublishDispatcher>.Instance);

        Assert.Equal(1, await dispatcher.DispatchAsync(Batch));
        Assert.Equal(["first", "broken", "third"], ran);
        Assert.Equal(1, dispatcher.PendingRetries);

        // The retry runs only the failed handler, with the same batch.
        Assert.Equal(0, await dispatcher.RetryFailedAsync());
        Assert.Equal(["first", "broken", "third", "broken"], ran);
        Assert.Equal(0, dispatcher.PendingRetries);
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_is_given_up_after_the_retry_limit()
    {
        var ran = new List<string>();
        var dispatcher = new PublishDispatcher([new Step("broken", ran, failures: int.MaxValue)], NullLogger<PublishDispatcher>.Instance);

        await dispatcher.DispatchAsync(Batch);
        for (var retry = 1; retry <= PublishDispatcher.MaxRetries; retry++)
        {
            Assert.Equal(1, await dispatcher.RetryFailedAsync());
        }

        Assert.Equal(0, dispatcher.PendingRetries);
        Assert.Equal(PublishDispatcher.MaxRetries + 1, ran.Count);
    }

    [Fact]
    public async Task An_empty_batch_runs_nothing()
    {
        var ran = new List<string>();
        var dispatcher = new PublishDispatcher([new Step("only", ran)], NullLogger<PublishDispatcher>.Instance);

        Assert.Equal(0, await dispatcher.DispatchAsync(new PublishBatch([])));
        Assert.Empty(ran);
    }

    private sealed class Step(string name, List<string> ran, int failures = 0) : IPublishHandler
    {
        private int remainingFailures = failures;

        public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
        {
            ran.Add(name);
            return remainingFailures-- > 0 ? throw new InvalidOperationException($"{name} fails") : Task.CompletedTask;
        }
    }
}

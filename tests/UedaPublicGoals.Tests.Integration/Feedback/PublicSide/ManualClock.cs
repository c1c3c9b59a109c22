namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>Real time plus an offset the test moves forward: "the resident took 30 seconds to type".</summary>
public sealed class ManualClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}

using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Integration.SecuritySuite;

/// <summary>The form half of the hostile input walk: every POST form of the pages reachable from the routes.</summary>
public sealed class HostileFormWalkTests(ITestOutputHelper output) : HostileInputWalk(output, corpusStart: 0)
{
    [Fact]
    public Task Every_form_field_survives_the_hostile_corpus() => WalkFormsAsync();
}

/// <summary>
/// The route half of the hostile input walk, in <see cref="HostileInputWalk.RouteShards"/> shards (one class
/// each, so xunit can run them side by side); together they walk every route.
/// </summary>
public abstract class HostileRouteWalkTests(ITestOutputHelper output, int shard)
    : HostileInputWalk(output, corpusStart: (shard + 1) * HostileCorpus.All.Count / (RouteShards + 1))
{
    [Fact]
    public Task Every_route_of_the_shard_survives_the_hostile_corpus() => WalkRoutesAsync(shard);
}

public sealed class HostileRouteWalkShard1Tests(ITestOutputHelper output) : HostileRouteWalkTests(output, 0);

public sealed class HostileRouteWalkShard2Tests(ITestOutputHelper output) : HostileRouteWalkTests(output, 1);

public sealed class HostileRouteWalkShard3Tests(ITestOutputHelper output) : HostileRouteWalkTests(output, 2);

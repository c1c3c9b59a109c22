using Newtonsoft.Json;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Tests.Unit;

public sealed class ContentJsonTests
{
    [Fact]
    public void A_goal_survives_a_snapshot_round_trip()
    {
        var goal = new GoalContent
        {
            Title = "目標",
            Priority = 2,
            SdgGoals = [4, 11],
            Initiatives =
            [
                new()
                {
                    Number = 1,
                    Title = "取組",
                    Measures = [new() { Number = 1, Target = "(13,967人→17,000人)", Kpis = [new() { Key = "k", Label = "L", Unit = "人", Baseline = 13967, Target = 17000.5m, Measurements = [new() { Date = new DateOnly(2024, 10, 1), Value = 15200 }] }] }],
                    MidtermReport = new() { Text = "本文", Status = ProgressStatus.SlightlyBehind, ReportedOn = new DateOnly(2024, 10, 15) },
                },
            ],
        };

        var json = ContentJson.Serialize(goal);
        Assert.Contains("\"status\":\"slightlyBehind\"", json);
        Assert.Contains("\"date\":\"2024-10-01\"", json);
        var back = ContentJson.Deserialize<GoalContent>(json);
        Assert.Equal(json, ContentJson.Serialize(back));
        Assert.Equal(17000.5m, back.Initiatives[0].Measures[0].Kpis[0].Target);
    }

    [Fact]
    public void Unknown_properties_are_rejected_rather_than_silently_dropped() =>
        Assert.ThrowsAny<JsonException>(() => ContentJson.Deserialize<PageContent>("{\"title\":\"t\",\"body\":\"b\",\"bodyy\":\"typo\"}"));

    [Fact]
    public void Statuses_must_be_named_not_numbered() =>
        Assert.ThrowsAny<JsonException>(() => ContentJson.Deserialize<ProgressReport>("{\"text\":\"t\",\"status\":1}"));
}

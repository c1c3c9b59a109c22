using UedaPublicGoals.Feedback.Participation;
using Equation = UedaPublicGoals.Feedback.Participation.SmallCountSuppression.Equation;

namespace UedaPublicGoals.Tests.Unit.Feedback;

public sealed class SmallCountSuppressionTests
{
    [Fact]
    public void A_lone_small_cell_takes_the_smallest_non_zero_cell_of_its_row_and_column_with_it()
    {
        // a: 3 | b: 7 | c: 20 → row total 30; columns have one other row each (d, e, f).
        var values = new Dictionary<string, int> { ["a"] = 3, ["b"] = 7, ["c"] = 20, ["d"] = 6, ["e"] = 9, ["f"] = 30, ["r1"] = 30, ["r2"] = 45, ["ca"] = 9, ["cb"] = 16, ["cc"] = 50, ["all"] = 75 };
        var equations = new List<Equation>
        {
            new("r1", ["a", "b", "c"]), new("r2", ["d", "e", "f"]),
            new("ca", ["a", "d"]), new("cb", ["b", "e"]), new("cc", ["c", "f"]),
            new("all", ["r1", "r2"]), new("all", ["ca", "cb", "cc"]),
        };

        var result = SmallCountSuppression.Apply(values, equations);

        Assert.Equal(CellVisibility.Small, result["a"]);
        Assert.Equal(CellVisibility.Protecting, result["b"]);
        Assert.Equal(CellVisibility.Protecting, result["d"]);
        Assert.Equal(CellVisibility.Protecting, result["e"]);
        Assert.Equal(CellVisibility.Shown, result["c"]);
        Assert.All(equations, e => Assert.NotEqual(1, e.Parts.Prepend(e.Total).Distinct().Count(m => result[m] != CellVisibility.Shown)));
    }

    [Fact]
    public void When_the_rest_of_a_row_is_zero_its_total_is_withheld_and_that_spreads_to_the_totals_column()
    {
        var values = new Dictionary<string, int> { ["a"] = 2, ["b"] = 0, ["r1"] = 2, ["c"] = 8, ["d"] = 6, ["r2"] = 14, ["ca"] = 10, ["cb"] = 6, ["all"] = 16 };
        var equations = new List<Equation>
        {
            new("r1", ["a", "b"]), new("r2", ["c", "d"]), new("ca", ["a", "c"]), new("cb", ["b", "d"]),
            new("all", ["r1", "r2"]), new("all", ["ca", "cb"]),
        };

        var result = SmallCountSuppression.Apply(values, equations);

        Assert.Equal(CellVisibility.Small, result["a"]);
        Assert.Equal(CellVisibility.Small, result["r1"]);
        Assert.NotEqual(CellVisibility.Shown, result["r2"]);
        Assert.All(equations, e => Assert.NotEqual(1, e.Parts.Prepend(e.Total).Distinct().Count(m => result[m] != CellVisibility.Shown)));
    }

    [Fact]
    public void Nothing_small_means_nothing_withheld()
    {
        var values = new Dictionary<string, int> { ["a"] = 5, ["b"] = 0, ["r"] = 5 };
        var result = SmallCountSuppression.Apply(values, [new Equation("r", ["a", "b"])]);
        Assert.All(result.Values, v => Assert.Equal(CellVisibility.Shown, v));
    }
}

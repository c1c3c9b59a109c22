using System.Text;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.OpenData;

namespace UedaPublicGoals.Tests.Unit.Api;

/// <summary>goals.csv on hand-made content: quoting, formula protection, numbers and edge cases.</summary>
public sealed class GoalsCsvTests
{
    private static PublishedSite SiteWith(GoalContent content)
    {
        var department = new PublishedDepartment("test-bu", "テスト部");
        var year = new PublishedFiscalYear(department, 2025, "r7", "令和7年度 重点目標");
        year.Goals.Add(new PublishedGoal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), year, "goal", 1, new DateTime(2025, 4, 1), content));
        department.Years.Add(year);
        return new PublishedSite([department], [], new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    private static (string Text, List<string> Lines, int Rows) Write(GoalContent content, string origin = "")
    {
        var bytes = GoalsCsv.Write(SiteWith(content), origin, out var rows);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return (text, text.Split("\r\n").ToList(), rows);
    }

    private static GoalContent Goal(params Initiative[] initiatives) => new() { Title = "テスト目標", Priority = 1, Initiatives = [.. initiatives] };

    private static Initiative Initiative(int number, params Measure[] measures) => new() { Number = number, Title = $"取組{number}", Measures = [.. measures] };

    [Theory]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+81-3-0000", "\"'+81-3-0000\"")]
    [InlineData("-ハイフンで始まる文", "\"'-ハイフンで始まる文\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+2", "\"'\t=1+2\"")]
    [InlineData("安全な文 =1+2", "安全な文 =1+2")]
    [InlineData("ＳＵＭ＝全角", "ＳＵＭ＝全角")]
    // The protected cell is also quoted; a spreadsheet shows '=1+2 as the text =1+2.
    public void Formula_like_text_gets_a_leading_apostrophe(string method, string expectedCell)
    {
        var (text, _, _) = Write(Goal(Initiative(1, new Measure { Number = 1, Method = method })));
        Assert.Contains("," + expectedCell + ",", text);
    }

    [Fact]
    public void A_negative_number_stays_a_number_but_joined_numbers_starting_with_minus_are_protected()
    {
        var single = new Measure { Number = 1, Kpis = [new Kpi { Key = "a", Label = "削減量", Unit = "t", Baseline = -5, Target = -10 }] };
        var several = new Measure
        {
            Number = 2,
            Kpis =
            [
                new Kpi { Key = "b", Label = "B", Unit = "t", Baseline = -5, Target = 10 },
                new Kpi { Key = "c", Label = "C", Unit = "t", Baseline = 3, Target = 4.50m },
            ],
        };
        var (_, lines, _) = Write(Goal(Initiative(1, single, several)));
        Assert.Contains(",1,削減量,-5,-10,t,", lines[1]);
        Assert.Contains(",2,B | C,\"'-5 | 3\",10 | 4.5,t | t,", lines[2]);
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted_as_rfc_4180_says()
    {
        var measure = new Measure { Number = 1, Method = "説明会, \"出前講座\"", Target = "- 1回目\n- 2回目" };
        var (text, _, _) = Write(Goal(Initiative(1, measure)));
        Assert.Contains(",\"説明会, \"\"出前講座\"\"\",", text);
        Assert.Contains(",\"1回目\n2回目\",", text);
        Assert.EndsWith("\r\n", text);
    }

    [Fact]
    public void An_initiative_without_measures_still_gets_one_row_with_its_report()
    {
        var reported = new Initiative
        {
            Number = 2,
            Title = "方法・手段のない取組",
            Period = "通年",
            FinalReport = new ProgressReport { Text = "達成しました。", Status = ProgressStatus.Achieved, ReportedOn = new DateOnly(2026, 3, 31) },
        };
        var (_, lines, rows) = Write(Goal(Initiative(1, new Measure { Number = 1, Method = "方法" }), reported), "https://goals.example.jp");
        Assert.Equal(2, rows);
        Assert.Equal(
            "テスト部,令和7年度,2025,1,テスト目標,2,方法・手段のない取組,,,通年,,0,,,,,,,期末報告,達成,2026-03-31,https://goals.example.jp/test-bu/r7/goal/,0f8fad5b-d9cb-469f-a165-70867728950e",
            lines[2]);
    }

    [Fact]
    public void The_final_report_wins_over_the_midterm_and_the_initiative_period_fills_in()
    {
        var initiative = new Initiative
        {
            Number = 1,
            Title = "取組",
            Period = "年度内",
            Measures = [new Measure { Number = 1, Method = "方法" }],
            MidtermReport = new ProgressReport { Text = "中間", Status = ProgressStatus.Behind, ReportedOn = new DateOnly(2025, 10, 1) },
            FinalReport = new ProgressReport { Text = "期末", Status = ProgressStatus.OnTrack },
        };
        var (_, lines, _) = Write(Goal(initiative));
        Assert.Contains(",方法,年度内,", lines[1]);
        Assert.Contains(",期末報告,順調,,", lines[1]);
    }

    [Fact]
    public void Raw_html_in_a_target_stays_text()
    {
        var (text, _, _) = Write(Goal(Initiative(1, new Measure { Number = 1, Target = "<b>10</b>回" })));
        Assert.Contains(",<b>10</b>回,", text);
    }

    [Fact]
    public void Nothing_published_gives_the_header_alone()
    {
        var bytes = GoalsCsv.Write(PublishedSite.Empty, "", out var rows);
        Assert.Equal(0, rows);
        Assert.Equal(string.Join(",", GoalsCsv.Header) + "\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}

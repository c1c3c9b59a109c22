using UedaPublicGoals.Backoffice.Import;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Tests.Unit.Import;

/// <summary>The cell splitter: (1)(2) parts, periods, targets, KPIs, lists, blank rows and character variants.</summary>
public sealed class SheetCellTextTests
{
    [Theory]
    [InlineData("(1) 6月～3月 (2) 通年 (3) 5月～12月 (4) 3月", new[] { "6月～3月", "通年", "5月～12月", "3月" })]
    [InlineData("（１） ６月〜３月 （２） 通年", new[] { "６月〜３月", "通年" })]
    [InlineData("(1) 4月～8月\n(2) 3月", new[] { "4月～8月", "3月" })]
    public void Numbered_cells_split_into_parts_with_full_width_digits_and_either_wave_dash(string cell, string[] parts)
    {
        var split = SheetCellText.SplitNumbered(cell);
        Assert.Equal("", split.Head);
        Assert.Equal(Enumerable.Range(1, parts.Length), split.Parts.Select(p => p.Number));
        Assert.Equal(parts, split.Parts.Select(p => p.Text));
        Assert.All(parts, p => Assert.True(SheetCellText.IsReadablePeriod(p), p));
    }

    [Fact]
    public void A_method_cell_gives_the_heading_and_keeps_brackets_that_are_not_numbers()
    {
        var split = SheetCellText.SplitNumbered("○ 第三次上田市総合計画(R8～) 策定推進 (1) 「総合計画審議会」への諮問・協議 (2) 計画実施に向けた財源の確保(デジタル田園都市国家構想交付金(地方創生推進タイプ)など)");
        Assert.Equal("○ 第三次上田市総合計画(R8～) 策定推進", split.Head);
        Assert.Equal("計画実施に向けた財源の確保(デジタル田園都市国家構想交付金(地方創生推進タイプ)など)", split.Parts[1].Text);
    }

    [Theory]
    [InlineData("年度内")]
    [InlineData("通年")]
    [InlineData("令和7年3月")]
    [InlineData("10月〜12月")]
    public void Periods_are_read(string period) => Assert.True(SheetCellText.IsReadablePeriod(period));

    [Theory]
    [InlineData("あとで考える")]
    [InlineData("ABC")]
    public void A_period_without_a_time_is_not(string period) => Assert.False(SheetCellText.IsReadablePeriod(period));

    [Theory]
    [InlineData("・ LINE友だち登録者数の増加 (13,967人→17,000人)", "LINE友だち登録者数", "人", 13967, 17000)]
    [InlineData("・ LINE友だち登録者数の増加 （１３，９６７人→１７，０００人）", "LINE友だち登録者数", "人", 13967, 17000)]
    [InlineData("職員向けのDX人材育成研修を実施（3回）", "職員向けのDX人材育成研修", "回", null, 3)]
    [InlineData("市民向け講座（DX等内容拡充）18講座開催", "市民向け講座", "講座", null, 18)]
    [InlineData("土地利用検討会議における、未利用地等についての利活用の方向性の検討(3か所ほか)", "未利用地等についての利活用の方向性の検討", "か所", null, 3)]
    public void Numeric_targets_are_kpis(string target, string label, string unit, int? baseline, int value)
    {
        var kpi = Assert.Single(SheetCellText.RecognizeKpis(target, null, 1, 1));
        Assert.Equal(label, kpi.Label);
        Assert.Equal(unit, kpi.Unit);
        Assert.Equal(baseline, (int?)kpi.Baseline);
        Assert.Equal(value, kpi.Target);
        Assert.Equal("kpi-1-1-1", kpi.Key);
    }

    [Theory]
    [InlineData("東庁舎改修着工（10月）")]
    [InlineData("R7～9年度の新規事業計画の作成")]
    [InlineData("市議会報告(令和7年3月)")]
    [InlineData("複数グループで、各1つ以上のテーマを研究")]
    [InlineData("第2期SDGs未来都市計画の策定")]
    public void Months_years_and_ordinals_are_not_kpis(string target) => Assert.Empty(SheetCellText.RecognizeKpis(target, null, 1, 1));

    [Fact]
    public void A_kpi_without_its_own_words_is_named_from_the_method()
    {
        var kpi = Assert.Single(SheetCellText.RecognizeKpis("5回程度", "庁内策定会議による調整", 1, 2));
        Assert.Equal("庁内策定会議", kpi.Label);
        Assert.Equal("総合計画審議会", SheetCellText.RecognizeKpis("4回程度開催", "「総合計画審議会」への諮問・協議", 1, 1).Single().Label);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("<ul style=\"list-style-type: none\"> </ul>", true)]
    [InlineData("○", false)]
    public void Blank_template_cells_are_blank(string cell, bool blank) => Assert.Equal(blank, SheetCellText.IsBlank(cell));

    [Fact]
    public void Blank_template_rows_are_not_initiatives()
    {
        var grid = new SheetGrid("シート1", new Dictionary<int, string[]>
        {
            [1] = ["令和6年度 重点目標管理シート"],
            [2] = ["重点目標", "目標", "", "部局名", "政策企画部", "優先順位", "1位"],
            [3] = ["", GoalSheetParser.MethodHeader, GoalSheetParser.PeriodHeader, GoalSheetParser.TargetHeader, GoalSheetParser.MidtermHeader, GoalSheetParser.FinalHeader],
            [4] = ["①", "○ 見出し (1) 方法", "通年", "(1) 目標"],
            [5] = ["②", "", "", "", "", ""],
            [6] = ["③", " ", "", "", "", ""],
            [7] = ["特記事項", GoalSheetParser.CitizenParticipationQuestion, "", "", GoalSheetParser.EffectsQuestion],
        });
        var parsed = GoalSheetParser.Parse(grid, null, new DateOnly(2024, 10, 1));
        Assert.Empty(parsed.Problems);
        var initiative = Assert.Single(parsed.Content.Initiatives);
        Assert.Equal("見出し", initiative.Title);
        Assert.Equal("通年", initiative.Period);
        Assert.Null(initiative.Measures.Single().Period);
        Assert.Equal(2024, parsed.FiscalYear);
    }

    [Fact]
    public void Every_initiative_of_the_seed_splits_into_its_measures_periods_targets_and_kpis()
    {
        var sheets = GoalSheetParser.ParseAll(SeedSheets.Grids(), new DateOnly(2024, 10, 1));
        var read = sheets.SelectMany(s => s.Content.Initiatives).ToList();
        var expected = SeedSheets.Slugs.Select(SeedSheets.HandTranscribed).SelectMany(g => g.Initiatives).ToList();
        Assert.Equal(expected.Count, read.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Title, read[i].Title);
            Assert.Equal(expected[i].Period, read[i].Period);
            Assert.Equal(expected[i].Measures.Select(m => (m.Number, m.Method, m.Period, m.Target)), read[i].Measures.Select(m => (m.Number, m.Method, m.Period, m.Target)));
            Assert.Equal(expected[i].Measures.SelectMany(m => m.Kpis).Select(k => (k.Label, k.Unit, k.Baseline, k.Target)), read[i].Measures.SelectMany(m => m.Kpis).Select(k => (k.Label, k.Unit, k.Baseline, k.Target)));
        }

        Assert.Equal(10, read.SelectMany(i => i.Measures).SelectMany(m => m.Kpis).Count());
    }

    [Theory]
    [InlineData("(1) 将来を見据えた新たな行政サービスへの改革 イ 多様な主体が市政に参画・協働する制度づくり (2) 健全で持続可能な財政基盤への改革", "- (1) 将来を見据えた新たな行政サービスへの改革\n  - イ 多様な主体が市政に参画・協働する制度づくり\n- (2) 健全で持続可能な財政基盤への改革")]
    [InlineData("・ ひとつだけの項目。", "ひとつだけの項目。")]
    [InlineData("<ul style=\"list-style-type: none\"> 一つ目。 二つ目。 </ul>", "- 一つ目。\n- 二つ目。")]
    [InlineData("一つ目。\n二つ目。", "- 一つ目。\n- 二つ目。")]
    [InlineData("5 DXやGX等の革新的技術でSDGsを推進", "5 DXやGX等の革新的技術でSDGsを推進")]
    public void Label_cells_become_markdown_as_the_transcription_rules_say(string cell, string markdown) =>
        Assert.Equal(markdown, SheetCellText.ToMarkdown([cell]));

    [Fact]
    public void A_report_names_its_status_and_the_kpi_values_it_reports()
    {
        Assert.Equal(ProgressStatus.SlightlyBehind, SheetCellText.StatusIn("進捗度：やや遅れ。"));
        Assert.Null(SheetCellText.StatusIn("登録者が増えた。"));
        var kpi = new Kpi { Label = "LINE友だち登録者数", Unit = "人" };
        Assert.Equal(15200m, SheetCellText.ReportedValue("LINE友だち登録者数 １５，２００人", kpi));
        Assert.Equal(15200m, SheetCellText.ReportedValue("LINE友だち登録者数は15,200人", kpi));
        Assert.Null(SheetCellText.ReportedValue("YouTube 6,300人", kpi));
    }
}

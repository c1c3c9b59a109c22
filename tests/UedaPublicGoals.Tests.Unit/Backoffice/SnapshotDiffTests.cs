using UedaPublicGoals.Backoffice.Diff;
using UedaPublicGoals.Backoffice.History;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Tests.Unit.Backoffice;

public sealed class SnapshotDiffTests
{
    private static GoalContent Goal() => new()
    {
        Title = "総合的・効果的な情報発信",
        Priority = 4,
        CurrentSituation = "現況の説明",
        SdgGoals = [4, 11],
        Initiatives =
        [
            new()
            {
                Number = 1,
                Title = "情報発信の推進",
                Measures =
                [
                    new() { Number = 1, Method = "広報うえだの充実", Period = "通年", Target = "記事内容の充実" },
                ],
            },
            new()
            {
                Number = 2,
                Title = "市民に伝わる情報発信",
                Measures =
                [
                    new()
                    {
                        Number = 1,
                        Method = "研修",
                        Target = "年2回",
                        Kpis = [new() { Key = "line-friends", Label = "LINE友だち登録者数", Unit = "人", Baseline = 13967, Target = 17000 }],
                    },
                ],
                MidtermReport = new() { Text = "順調です", Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) },
            },
        ],
        SpecialNotes = new() { CitizenParticipation = "アンケートを実施" },
    };

    private static IReadOnlyList<SnapshotField> Flatten(GoalContent goal) =>
        SnapshotFlattener.Flatten(DocumentKind.Goal, ContentJson.Serialize(goal));

    [Fact]
    public void Fields_are_labelled_with_the_sheets_Japanese_words_along_their_path()
    {
        var labels = Flatten(Goal()).ToDictionary(f => f.Label, f => f.Value);

        Assert.Equal("総合的・効果的な情報発信", labels["重点目標"]);
        Assert.Equal("4", labels["優先順位"]);
        Assert.Equal("目標4、目標11", labels["該当するSDGsの目標"]);
        Assert.Equal("年2回", labels["取組項目② > (1) > 数値目標"]);
        Assert.Equal("広報うえだの充実", labels["取組項目① > (1) > 取組項目及び方法・手段"]);
        Assert.Equal("17000", labels["取組項目② > (1) > 指標「LINE友だち登録者数」 > 目標値"]);
        Assert.Equal("順調", labels["取組項目② > 中間報告 > 進捗度"]);
        Assert.Equal("2024年10月1日", labels["取組項目② > 中間報告 > 報告日"]);
        Assert.Equal("アンケートを実施", labels["特記事項 > 市民参加・協働の推進、市民満足度の向上を考慮した点"]);
        Assert.Null(labels["目的・効果"]);

        // Identity fields are in the path, not repeated as values; an unreported report is one empty field.
        Assert.DoesNotContain(labels.Keys, l => l.EndsWith("> number", StringComparison.Ordinal) || l.EndsWith("> key", StringComparison.Ordinal));
        Assert.Null(labels["取組項目① > 中間報告"]);
        Assert.DoesNotContain(labels.Keys, l => l.StartsWith("取組項目① > 中間報告 >", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_field_is_reported_with_its_path_and_both_values()
    {
        var after = Goal();
        after.Initiatives[1].Measures[0].Target = "年3回";

        var difference = Assert.Single(FieldDiff.Compare(Flatten(Goal()), Flatten(after)));

        Assert.Equal("取組項目② > (1) > 数値目標", difference.Label);
        Assert.Equal(FieldChange.Changed, difference.Change);
        Assert.Equal("年2回", difference.Before);
        Assert.Equal("年3回", difference.After);
        Assert.Equal("変更", difference.ChangeLabel);
    }

    [Fact]
    public void Filled_and_emptied_fields_are_additions_and_removals()
    {
        var after = Goal();
        after.PurposeAndEffect = "目的";
        after.CurrentSituation = "";
        after.Initiatives[0].FinalReport = new() { Text = "達成しました", Status = ProgressStatus.Achieved };

        var differences = FieldDiff.Compare(Flatten(Goal()), Flatten(after)).ToDictionary(d => d.Label);

        Assert.Equal(FieldChange.Removed, differences["現況・課題"].Change);
        Assert.Null(differences["現況・課題"].After);
        Assert.Equal(FieldChange.Added, differences["目的・効果"].Change);
        Assert.Equal("達成しました", differences["取組項目① > 期末報告 > 報告内容"].After);
        Assert.Equal("達成", differences["取組項目① > 期末報告 > 達成度"].After);
        Assert.Equal(FieldChange.Added, differences["取組項目① > 期末報告 > 達成度"].Change);
    }

    [Fact]
    public void Items_are_matched_by_number_so_inserting_one_does_not_change_the_others()
    {
        var after = Goal();
        after.Initiatives.Insert(1, new Initiative { Number = 3, Title = "新しい取組" });

        var differences = FieldDiff.Compare(Flatten(Goal()), Flatten(after));

        var added = Assert.Single(differences);
        Assert.Equal("取組項目③ > 項目名", added.Label);
        Assert.Equal(FieldChange.Added, added.Change);
    }

    [Fact]
    public void A_removed_item_stays_where_it_was_in_the_order()
    {
        var after = Goal();
        after.Initiatives[0].Measures.Clear();
        after.Initiatives[1].Title = "変更後";

        var labels = FieldDiff.Compare(Flatten(Goal()), Flatten(after)).Select(d => d.Label).ToList();

        Assert.Equal(
            ["取組項目① > (1) > 取組項目及び方法・手段", "取組項目① > (1) > 期間・期限", "取組項目① > (1) > 数値目標", "取組項目② > 項目名"],
            labels);
    }

    [Fact]
    public void The_same_number_written_as_17000_or_17000_point_0_is_no_change()
    {
        var before = ContentJson.Serialize(Goal()).Replace("\"target\":17000.0", "\"target\":17000", StringComparison.Ordinal);
        Assert.Contains("\"target\":17000,", before);

        Assert.Empty(FieldDiff.Compare(SnapshotFlattener.Flatten(DocumentKind.Goal, before), Flatten(Goal())));
    }

    [Fact]
    public void A_kpi_is_labelled_by_its_name_and_matched_by_its_key()
    {
        var after = Goal();
        after.Initiatives[1].Measures[0].Kpis[0].Label = "LINE友だち数";
        after.Initiatives[1].Measures[0].Kpis[0].Measurements.Add(new KpiMeasurement { Date = new DateOnly(2024, 9, 30), Value = 15200 });

        var differences = FieldDiff.Compare(Flatten(Goal()), Flatten(after)).ToDictionary(d => d.Label);

        Assert.Equal("LINE友だち登録者数", differences["取組項目② > (1) > 指標「LINE友だち数」 > 指標名"].Before);
        Assert.Equal("15200", differences["取組項目② > (1) > 指標「LINE友だち数」 > 2024年9月30日の実績 > 実績値"].After);
        Assert.Equal(2, differences.Count);
    }

    [Fact]
    public void Page_fields_have_page_labels()
    {
        var page = new PageContent { Title = "このサイトについて", Summary = null, Body = "本文です" };
        var fields = SnapshotFlattener.Flatten(DocumentKind.Page, ContentJson.Serialize(page));
        Assert.Equal(["タイトル", "概要", "本文"], fields.Select(f => f.Label));
    }

    [Fact]
    public void Properties_without_a_label_keep_their_json_name_instead_of_disappearing()
    {
        var fields = SnapshotFlattener.Flatten(DocumentKind.Page, "{\"title\":\"t\",\"body\":\"b\",\"newField\":\"x\"}");
        Assert.Contains(fields, f => f.Label == "newField" && f.Value == "x");
    }
}

using System.Globalization;
using UedaPublicGoals.Backoffice.Diff;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Backoffice.Import;

/// <summary>One field of a goal as the sheet labels it, with its value as text.</summary>
public sealed record SheetField(string Key, string Label, string Value) : IDiffField
{
    string? IDiffField.Value => Value;
}

/// <summary>A goal laid out as the sheet's fields, in sheet order, to compare field by field.</summary>
public static class SheetFields
{
    public static IReadOnlyList<SheetField> Of(GoalContent goal)
    {
        var fields = new List<SheetField>
        {
            new("title", GoalSheetParser.TitleLabel, goal.Title),
            new("priority", GoalSheetParser.PriorityLabel, goal.Priority + "位"),
            new("comprehensive", GoalSheetParser.ComprehensivePlanLabel, goal.ComprehensivePlanPosition ?? ""),
            new("restructuring", GoalSheetParser.RestructuringPlanLabel, goal.RestructuringPlanPosition ?? ""),
            new("reform", GoalSheetParser.AdministrativeReformLabel, goal.AdministrativeReformPosition ?? ""),
            new("situation", GoalSheetParser.CurrentSituationLabel, goal.CurrentSituation ?? ""),
            new("purpose", GoalSheetParser.PurposeLabel, goal.PurposeAndEffect ?? ""),
            new("sdgs", GoalSheetParser.SdgLabel, string.Join("、", goal.SdgGoals)),
        };
        foreach (var initiative in goal.Initiatives)
        {
            var at = SheetCellText.Circled(initiative.Number);
            fields.Add(new($"{at}.title", $"{at} 取組項目（見出し）", initiative.Title));
            fields.Add(new($"{at}.period", $"{at} 期間・期限（取組全体）", initiative.Period ?? ""));
            foreach (var measure in initiative.Measures)
            {
                var m = $"{at}({measure.Number})";
                fields.Add(new($"{m}.method", $"{m} 取組項目及び方法・手段", measure.Method ?? ""));
                fields.Add(new($"{m}.period", $"{m} 期間・期限", measure.Period ?? ""));
                fields.Add(new($"{m}.target", $"{m} 数値目標", measure.Target ?? ""));
                for (var k = 0; k < measure.Kpis.Count; k++)
                {
                    var kpi = measure.Kpis[k];
                    fields.Add(new($"{m}.kpi{k}", $"{m} 指標{k + 1}", Kpi(kpi)));
                }
            }

            fields.Add(new($"{at}.midterm", $"{at} 中間報告", Report(initiative.MidtermReport)));
            fields.Add(new($"{at}.final", $"{at} 期末報告", Report(initiative.FinalReport)));
        }

        fields.Add(new("notes.citizen", "特記事項 " + GoalSheetParser.CitizenParticipationQuestion, goal.SpecialNotes.CitizenParticipation ?? ""));
        fields.Add(new("notes.effects", "特記事項 " + GoalSheetParser.EffectsQuestion, goal.SpecialNotes.EffectsAndRemainingIssues ?? ""));
        return fields.Where(f => f.Value.Length > 0 || !f.Key.EndsWith(".period", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Every field whose text differs, in sheet order; an empty field counts as absent, so a field only one side fills shows the other as empty.</summary>
    public static IReadOnlyList<FieldDifference> Compare(GoalContent? before, GoalContent after) =>
        FieldDiff.Compare(before is null ? [] : Filled(before), Filled(after));

    private static List<SheetField> Filled(GoalContent goal) => Of(goal).Where(f => f.Value.Length > 0).ToList();

    private static string Kpi(Kpi kpi)
    {
        var text = $"{kpi.Label}：{(kpi.Baseline is { } b ? Number(b) + kpi.Unit + " → " : "")}{Number(kpi.Target)}{kpi.Unit}";
        var measured = kpi.Measurements.OrderBy(m => m.Date).Select(m => $"{m.Date:yyyy-MM-dd} {Number(m.Value)}{kpi.Unit}{(m.Note is { } n ? $"（{n}）" : "")}");
        return string.Join(" / ", new[] { text }.Concat(measured));
    }

    private static string Report(ProgressReport? report) =>
        report is null ? "" : $"［{report.Status.ToJapanese()}］{report.Text}";

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}

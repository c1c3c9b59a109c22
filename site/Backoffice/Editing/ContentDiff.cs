using UedaPublicGoals.Backoffice.Diff;
using UedaPublicGoals.Backoffice.Editing.Goals;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Backoffice.Editing;

/// <summary>
/// A document's content laid out as fields named like the form's labels, for the conflict message and the
/// 承認依頼 review; <see cref="FieldDiff"/> compares two such layouts.
/// </summary>
public static class ContentDiff
{
    public static IReadOnlyList<FieldDifference> Compare(object? before, object? after) =>
        FieldDiff.Compare(before is null ? [] : AsFields(before), after is null ? [] : AsFields(after));

    private static List<DiffField> AsFields(object content) => Fields(content).Select(f => new DiffField(f.Field, f.Field, f.Value)).ToList();

    public static IReadOnlyList<(string Field, string Value)> Fields(object content) => content switch
    {
        GoalContent goal => GoalFields(goal).ToList(),
        PageContent page => [("タイトル", page.Title), ("概要", page.Summary ?? ""), ("本文", page.Body)],
        _ => throw new ArgumentException($"Unsupported content type {content.GetType().Name}.", nameof(content)),
    };

    private static IEnumerable<(string, string)> GoalFields(GoalContent goal)
    {
        yield return (SheetLabels.Title, goal.Title);
        yield return (SheetLabels.Priority, $"{goal.Priority}位");
        yield return (SheetLabels.ComprehensivePlanPosition, goal.ComprehensivePlanPosition ?? "");
        yield return (SheetLabels.RestructuringPlanPosition, goal.RestructuringPlanPosition ?? "");
        yield return (SheetLabels.AdministrativeReformPosition, goal.AdministrativeReformPosition ?? "");
        yield return (SheetLabels.CurrentSituation, goal.CurrentSituation ?? "");
        yield return (SheetLabels.PurposeAndEffect, goal.PurposeAndEffect ?? "");
        yield return (SheetLabels.SdgGoals, string.Join("、", goal.SdgGoals.Order().Select(g => $"目標{g}")));
        foreach (var initiative in goal.Initiatives)
        {
            var prefix = GoalFormCommand.Name([initiative.Number]);
            yield return ($"{prefix} 題名", initiative.Title);
            yield return ($"{prefix} {SheetLabels.Period}", initiative.Period ?? "");
            foreach (var measure in initiative.Measures)
            {
                var measurePrefix = GoalFormCommand.Name([initiative.Number, measure.Number]);
                yield return ($"{measurePrefix} {SheetLabels.Method}", measure.Method ?? "");
                yield return ($"{measurePrefix} {SheetLabels.Period}", measure.Period ?? "");
                yield return ($"{measurePrefix} {SheetLabels.Target}", measure.Target ?? "");
                foreach (var kpi in measure.Kpis)
                {
                    var kpiPrefix = $"{measurePrefix} KPI（{kpi.Key}）";
                    yield return ($"{kpiPrefix} 名称", kpi.Label);
                    yield return ($"{kpiPrefix} 単位", kpi.Unit);
                    yield return ($"{kpiPrefix} 基準値", FormValues.Number(kpi.Baseline));
                    yield return ($"{kpiPrefix} 目標値", FormValues.Number(kpi.Target));
                    foreach (var measurement in kpi.Measurements.OrderBy(m => m.Date))
                    {
                        var note = string.IsNullOrEmpty(measurement.Note) ? "" : $"（{measurement.Note}）";
                        yield return ($"{kpiPrefix} 実績 {TokyoTime.LongDate(measurement.Date)}", $"{FormValues.Number(measurement.Value)}{kpi.Unit}{note}");
                    }
                }
            }

            yield return ($"{prefix} {SheetLabels.MidtermReport}", Describe(initiative.MidtermReport));
            yield return ($"{prefix} {SheetLabels.FinalReport}", Describe(initiative.FinalReport));
        }

        yield return ($"{SheetLabels.SpecialNotes} ○{SheetLabels.CitizenParticipation}", goal.SpecialNotes.CitizenParticipation ?? "");
        yield return ($"{SheetLabels.SpecialNotes} ○{SheetLabels.EffectsAndRemainingIssues}", goal.SpecialNotes.EffectsAndRemainingIssues ?? "");
    }

    private static string Describe(ProgressReport? report) => report is null
        ? "未報告"
        : $"{report.Status.ToJapanese()}{(report.ReportedOn is { } date ? "・" + TokyoTime.LongDate(date) : "")}：{report.Text}";
}

using System.Globalization;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Follow.Changes;

/// <summary>A change found between two published versions, before it is stored as a <see cref="GoalChange"/>.</summary>
public sealed record DerivedChange(GoalChangeKind Kind, string Key, string Title, string Summary);

/// <summary>
/// What residents following a goal want to hear about, read from the difference between the version the public
/// saw and the version published now: a 中間報告 / 期末報告 that appeared or was rewritten, a KPI measurement that
/// was added or corrected. Every publish also yields one entry for the site feed (first publish or update).
/// </summary>
public static class GoalChangeDiff
{
    private const int SummaryLength = 500;

    public static IReadOnlyList<DerivedChange> Between(GoalContent? before, GoalContent after)
    {
        if (before is null)
        {
            return [new DerivedChange(GoalChangeKind.Published, "publish", $"「{after.Title}」を公開しました", Shorten(after.PurposeAndEffect ?? after.Title))];
        }

        var changes = new List<DerivedChange>();
        foreach (var initiative in after.Initiatives.OrderBy(i => i.Number))
        {
            var old = before.Initiatives.FirstOrDefault(i => i.Number == initiative.Number);
            AddReport(changes, initiative, "midterm", SheetLabels.MidtermReport, old?.MidtermReport, initiative.MidtermReport);
            AddReport(changes, initiative, "final", SheetLabels.FinalReport, old?.FinalReport, initiative.FinalReport);
        }

        var oldKpis = before.Initiatives.SelectMany(i => i.Measures).SelectMany(m => m.Kpis)
            .GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.First());
        foreach (var kpi in after.Initiatives.SelectMany(i => i.Measures).SelectMany(m => m.Kpis))
        {
            var oldMeasurements = oldKpis.GetValueOrDefault(kpi.Key)?.Measurements ?? [];
            foreach (var measurement in kpi.Measurements.OrderBy(m => m.Date))
            {
                if (!oldMeasurements.Any(m => m.Date == measurement.Date && m.Value == measurement.Value))
                {
                    var corrected = oldMeasurements.Any(m => m.Date == measurement.Date);
                    changes.Add(new DerivedChange(
                        GoalChangeKind.Kpi,
                        $"kpi:{kpi.Key}:{measurement.Date:yyyy-MM-dd}",
                        $"数値目標「{kpi.Label}」の実績を{(corrected ? "訂正" : "更新")}しました",
                        $"{TokyoTime.LongDate(measurement.Date)}時点で {Number(measurement.Value)}{kpi.Unit}（目標 {Number(kpi.Target)}{kpi.Unit}{(kpi.Baseline is { } b ? $"、基準値 {Number(b)}{kpi.Unit}" : "")}）"
                            + (string.IsNullOrWhiteSpace(measurement.Note) ? "" : $"。{measurement.Note}")));
                }
            }
        }

        var updateSummary = changes.Count == 0 ? "内容を更新しました。" : string.Join("／", changes.Select(c => c.Title));
        changes.Insert(0, new DerivedChange(GoalChangeKind.Updated, "update", $"「{after.Title}」を更新しました", Shorten(updateSummary)));
        return changes;
    }

    private static void AddReport(List<DerivedChange> changes, Initiative initiative, string key, string label, ProgressReport? before, ProgressReport? after)
    {
        if (after is null || string.IsNullOrWhiteSpace(after.Text) || (before is not null && before.Text == after.Text && before.Status == after.Status))
        {
            return;
        }

        var verb = before is null || string.IsNullOrWhiteSpace(before.Text) ? "公開" : "更新";
        changes.Add(new DerivedChange(
            GoalChangeKind.Report,
            $"report:{initiative.Number}:{key}",
            $"{Numbering.Circled(initiative.Number)}{initiative.Title}：{label}を{verb}しました",
            Shorten($"【{after.Status.ToJapanese()}】{after.Text}")));
    }

    private static string Number(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string text)
    {
        var plain = text.ReplaceLineEndings(" ").Trim();
        return plain.Length <= SummaryLength ? plain : string.Concat(plain.AsSpan(0, SummaryLength - 1), "…");
    }
}

using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Backoffice.Import;

/// <summary>
/// What a sheet makes of the current draft. The sheet decides every field it has; the draft keeps
/// what the sheet cannot know (KPI keys and labels staff chose, earlier measurements, fields the
/// sheet has no cell for), and an empty report-time cell (SDGs, 中間報告, 期末報告, 特記事項) never
/// erases what was already reported.
/// </summary>
public static class SheetMerge
{
    public static GoalContent Apply(GoalContent? draft, GoalContent sheet, DateOnly today)
    {
        var merged = draft is null ? new GoalContent() : Copy(draft);
        merged.Title = sheet.Title;
        merged.Priority = sheet.Priority;
        merged.ComprehensivePlanPosition = sheet.ComprehensivePlanPosition;
        merged.RestructuringPlanPosition = sheet.RestructuringPlanPosition;
        merged.AdministrativeReformPosition = sheet.AdministrativeReformPosition;
        merged.CurrentSituation = sheet.CurrentSituation;
        merged.PurposeAndEffect = sheet.PurposeAndEffect;
        if (sheet.SdgGoals.Count > 0)
        {
            merged.SdgGoals = [.. sheet.SdgGoals];
        }

        merged.SpecialNotes.CitizenParticipation = sheet.SpecialNotes.CitizenParticipation ?? merged.SpecialNotes.CitizenParticipation;
        merged.SpecialNotes.EffectsAndRemainingIssues = sheet.SpecialNotes.EffectsAndRemainingIssues ?? merged.SpecialNotes.EffectsAndRemainingIssues;
        merged.Initiatives = sheet.Initiatives.Select(i => Initiative(merged.Initiatives.FirstOrDefault(e => e.Number == i.Number), i, today)).ToList();
        return merged;
    }

    private static Initiative Initiative(Initiative? existing, Initiative sheet, DateOnly today)
    {
        var merged = existing ?? new Initiative();
        merged.Number = sheet.Number;
        merged.Title = sheet.Title;
        merged.Period = sheet.Period;
        merged.Measures = sheet.Measures.Select(m => Measure(merged.Measures.FirstOrDefault(e => e.Number == m.Number), m)).ToList();
        merged.MidtermReport = Report(merged.MidtermReport, sheet.MidtermReport, today);
        merged.FinalReport = Report(merged.FinalReport, sheet.FinalReport, today);
        return merged;
    }

    private static Measure Measure(Measure? existing, Measure sheet)
    {
        var merged = existing ?? new Measure();
        merged.Number = sheet.Number;
        merged.Method = sheet.Method;
        merged.Period = sheet.Period;
        merged.Target = sheet.Target;
        var kpis = new List<Kpi>();
        for (var k = 0; k < sheet.Kpis.Count; k++)
        {
            var read = sheet.Kpis[k];
            var kept = merged.Kpis.ElementAtOrDefault(k) is { } e && e.Unit == read.Unit ? e : null;
            var kpi = kept ?? read;
            kpi.Baseline = read.Baseline;
            kpi.Target = read.Target;
            foreach (var measurement in read.Measurements)
            {
                // A value reported in the 中間報告 (or 期末報告) cell replaces the one the same report gave before.
                var same = kpi.Measurements.FirstOrDefault(m => m.Note == measurement.Note);
                if (same is null || same.Value != measurement.Value)
                {
                    kpi.Measurements.RemoveAll(m => m.Note == measurement.Note);
                    kpi.Measurements.Add(measurement);
                }
            }

            kpis.Add(kpi);
        }

        merged.Kpis = kpis;
        return merged;
    }

    private static ProgressReport? Report(ProgressReport? existing, ProgressReport? sheet, DateOnly today) =>
        sheet is null ? existing
        : existing is not null && existing.Text == sheet.Text && existing.Status == sheet.Status ? existing
        : new ProgressReport { Text = sheet.Text, Status = sheet.Status, ReportedOn = today };

    private static GoalContent Copy(GoalContent content) => ContentJson.Deserialize<GoalContent>(ContentJson.Serialize(content));
}

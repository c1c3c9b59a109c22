using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Backoffice.Editing.Goals;

/// <summary>
/// Checks a goal form field by field, with Japanese messages that name the field as the form
/// labels it. Nothing is saved while any error remains.
/// </summary>
public static class GoalFormValidator
{
    /// <param name="fiscalYear">The goal's fiscal year (2024 = 令和6年度): report and measurement dates must fall in it.</param>
    public static void Validate(GoalForm form, int fiscalYear, FormErrors errors)
    {
        errors.Required(nameof(GoalForm.Title), form.Title, SheetLabels.Title, FormValues.TitleLength);
        if (string.IsNullOrWhiteSpace(form.Priority))
        {
            errors.Add(nameof(GoalForm.Priority), "優先順位を入力してください。");
        }
        else if (!FormValues.TryWholeNumber(form.Priority, out var priority) || priority is < 1 or > 99)
        {
            errors.Add(nameof(GoalForm.Priority), "優先順位は1から99までの数字で入力してください（1 = 1位）。");
        }

        errors.MaxLength(nameof(GoalForm.ComprehensivePlanPosition), form.ComprehensivePlanPosition, SheetLabels.ComprehensivePlanPosition, FormValues.TextLength);
        errors.MaxLength(nameof(GoalForm.RestructuringPlanPosition), form.RestructuringPlanPosition, "上田再構築プランにおける位置付け", FormValues.TextLength);
        errors.MaxLength(nameof(GoalForm.AdministrativeReformPosition), form.AdministrativeReformPosition, "行財政改革大綱・アクションプログラムにおける位置付け", FormValues.TextLength);
        errors.MaxLength(nameof(GoalForm.CurrentSituation), form.CurrentSituation, SheetLabels.CurrentSituation, FormValues.TextLength);
        errors.MaxLength(nameof(GoalForm.PurposeAndEffect), form.PurposeAndEffect, SheetLabels.PurposeAndEffect, FormValues.TextLength);
        if (form.SdgGoals.Any(g => g is < 1 or > 17))
        {
            errors.Add(nameof(GoalForm.SdgGoals), "SDGsの目標は1から17の中から選んでください。");
        }

        if (form.Initiatives.Count == 0)
        {
            errors.Add("initiatives", "取組項目を1つ以上入力してください（「取組項目を追加」ボタン）。");
        }
        else if (form.Initiatives.Count > GoalFormCommand.MaxItems(GoalFormLevel.Initiative))
        {
            errors.Add("initiatives", $"取組項目は{GoalFormCommand.MaxItems(GoalFormLevel.Initiative)}件までです。");
        }

        var fiscalYearStart = new DateOnly(fiscalYear, 4, 1);
        var fiscalYearEnd = new DateOnly(fiscalYear + 1, 3, 31);
        var yearText = $"{JapaneseFiscalYear.Label(fiscalYear)}（{TokyoTime.LongDate(fiscalYearStart)}～{TokyoTime.LongDate(fiscalYearEnd)}）";
        var kpiKeys = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < form.Initiatives.Count; i++)
        {
            var initiative = form.Initiatives[i];
            var at = $"Initiatives[{i}]";
            var name = GoalFormCommand.Name([i + 1]);
            errors.Required($"{at}.Title", initiative.Title, $"{name}の取組項目", FormValues.TitleLength);
            errors.MaxLength($"{at}.Period", initiative.Period, $"{name}の期間・期限", FormValues.LineLength);
            if (initiative.Measures.Count > GoalFormCommand.MaxItems(GoalFormLevel.Measure))
            {
                errors.Add($"{GoalFormCommand.ListAnchor([i + 1], GoalFormLevel.Measure)}", $"{name}の方法・手段は{GoalFormCommand.MaxItems(GoalFormLevel.Measure)}件までです。");
            }

            for (var m = 0; m < initiative.Measures.Count; m++)
            {
                ValidateMeasure(initiative.Measures[m], $"{at}.Measures[{m}]", [i + 1, m + 1], fiscalYearStart, fiscalYearEnd, yearText, kpiKeys, errors);
            }

            ValidateReport(initiative.MidtermReport, $"{at}.MidtermReport", $"{name}の中間報告", fiscalYearStart, fiscalYearEnd, yearText, errors);

            // 期末報告 is written after the year closes: allow dates up to six months past its end.
            var finalReportEnd = fiscalYearEnd.AddMonths(6);
            ValidateReport(initiative.FinalReport, $"{at}.FinalReport", $"{name}の期末報告", fiscalYearStart, finalReportEnd,
                $"{TokyoTime.LongDate(fiscalYearStart)}～{TokyoTime.LongDate(finalReportEnd)}", errors);
        }

        ValidatePlainSummary(form.PlainSummary, nameof(GoalForm.PlainSummary), "やさしい日本語", errors);
        for (var i = 0; i < form.Initiatives.Count; i++)
        {
            ValidatePlainSummary(form.Initiatives[i].PlainSummary, $"Initiatives[{i}].PlainSummary", $"{GoalFormCommand.Name([i + 1])}のやさしい日本語", errors);
        }

        errors.MaxLength(nameof(GoalForm.CommentField), form.CommentField, "意見の分野", FormValues.LineLength);
        errors.MaxLength(nameof(GoalForm.CitizenParticipation), form.CitizenParticipation, SheetLabels.CitizenParticipation, FormValues.TextLength);
        errors.MaxLength(nameof(GoalForm.EffectsAndRemainingIssues), form.EffectsAndRemainingIssues, SheetLabels.EffectsAndRemainingIssues, FormValues.TextLength);
    }

    private static void ValidateMeasure(MeasureForm measure, string at, int[] path, DateOnly start, DateOnly end, string yearText, HashSet<string> kpiKeys, FormErrors errors)
    {
        var name = GoalFormCommand.Name(path);
        errors.MaxLength($"{at}.Method", measure.Method, $"{name}の方法・手段", FormValues.TextLength);
        errors.MaxLength($"{at}.Period", measure.Period, $"{name}の期間・期限", FormValues.LineLength);
        errors.MaxLength($"{at}.Target", measure.Target, $"{name}の数値目標", FormValues.TextLength);
        if (measure.Kpis.Count > GoalFormCommand.MaxItems(GoalFormLevel.Kpi))
        {
            errors.Add(GoalFormCommand.ListAnchor(path, GoalFormLevel.Kpi), $"{name}のKPIは{GoalFormCommand.MaxItems(GoalFormLevel.Kpi)}件までです。");
        }

        for (var k = 0; k < measure.Kpis.Count; k++)
        {
            var kpi = measure.Kpis[k];
            var kpiAt = $"{at}.Kpis[{k}]";
            var kpiName = GoalFormCommand.Name([.. path, k + 1]);
            var key = FormValues.Line(kpi.Key);
            if (key is null)
            {
                errors.Add($"{kpiAt}.Key", $"{kpiName}のキーを入力してください。");
            }
            else if (!SlugRule.IsValid(key))
            {
                errors.Add($"{kpiAt}.Key", $"{kpiName}のキーは半角英小文字・数字を「-」でつないだ形にしてください（例：line-friends）。");
            }
            else if (!kpiKeys.Add(key))
            {
                errors.Add($"{kpiAt}.Key", $"{kpiName}のキー「{key}」は、この重点目標のほかのKPIで使われています。");
            }

            errors.Required($"{kpiAt}.Label", kpi.Label, $"{kpiName}の名称", FormValues.LineLength);
            errors.MaxLength($"{kpiAt}.Unit", kpi.Unit, $"{kpiName}の単位", FormValues.UnitLength);
            errors.Number($"{kpiAt}.Baseline", kpi.Baseline, $"{kpiName}の基準値", required: false);
            errors.Number($"{kpiAt}.Target", kpi.Target, $"{kpiName}の目標値", required: true);
            if (kpi.Measurements.Count > GoalFormCommand.MaxItems(GoalFormLevel.Measurement))
            {
                errors.Add(GoalFormCommand.ListAnchor([.. path, k + 1], GoalFormLevel.Measurement), $"{kpiName}の実績は{GoalFormCommand.MaxItems(GoalFormLevel.Measurement)}件までです。");
            }

            var dates = new HashSet<DateOnly>();
            for (var n = 0; n < kpi.Measurements.Count; n++)
            {
                var measurement = kpi.Measurements[n];
                var measurementAt = $"{kpiAt}.Measurements[{n}]";
                var measurementName = GoalFormCommand.Name([.. path, k + 1, n + 1]);
                if (string.IsNullOrWhiteSpace(measurement.Date))
                {
                    errors.Add($"{measurementAt}.Date", $"{measurementName}の日付を入力してください。");
                }
                else if (!FormValues.TryDate(measurement.Date, out var date))
                {
                    errors.Add($"{measurementAt}.Date", $"{measurementName}の日付は 2024-10-01 の形の、存在する日付にしてください。");
                }
                else if (date < start || date > end)
                {
                    errors.Add($"{measurementAt}.Date", $"{measurementName}の日付は{yearText}の日付にしてください。");
                }
                else if (!dates.Add(date))
                {
                    errors.Add($"{measurementAt}.Date", $"{measurementName}：同じ日付の実績がすでにあります。");
                }

                errors.Number($"{measurementAt}.Value", measurement.Value, $"{measurementName}の値", required: true);
                errors.MaxLength($"{measurementAt}.Note", measurement.Note, $"{measurementName}の注記", FormValues.LineLength);
            }

            ValidateGradeOverride(kpi, kpiAt, kpiName, errors);
        }
    }

    /// <summary>A staff 達成度 needs a written reason and a measured value: no grade without data behind it.</summary>
    private static void ValidateGradeOverride(KpiForm kpi, string at, string name, FormErrors errors)
    {
        var grade = FormValues.Line(kpi.GradeOverride);
        var reason = FormValues.Text(kpi.GradeOverrideReason);
        if (grade is null)
        {
            if (reason is not null)
            {
                errors.Add($"{at}.GradeOverride", $"{name}：理由だけが入力されています。達成度を選ぶか、理由を消してください。");
            }

            return;
        }

        if (!Achievement.AchievementRule.TryParseOverride(grade, out _))
        {
            errors.Add($"{at}.GradeOverride", $"{name}の達成度は S・A・B・C から選んでください（計算どおりにする場合は「計算どおり」）。");
        }
        else if (kpi.Measurements.Count == 0)
        {
            errors.Add($"{at}.GradeOverride", $"{name}には実績がないため、達成度を付けられません。先に実績を入力してください。");
        }

        if (reason is null)
        {
            errors.Add($"{at}.GradeOverrideReason", $"{name}の達成度を変える理由を書いてください。理由は公開ページで達成度の横に表示されます。");
        }
        else
        {
            errors.MaxLength($"{at}.GradeOverrideReason", kpi.GradeOverrideReason, $"{name}の達成度を変える理由", FormValues.NoteLength);
        }
    }

    private static void ValidatePlainSummary(PlainSummaryForm summary, string at, string name, FormErrors errors)
    {
        foreach (var (property, label, value) in summary.Parts)
        {
            errors.MaxLength($"{at}.{property}", value, $"{name}（{label}）", FormValues.NoteLength);
        }
    }

    private static void ValidateReport(ReportForm report, string at, string name, DateOnly start, DateOnly end, string rangeText, FormErrors errors)
    {
        if (report.IsEmpty)
        {
            return;
        }

        if (FormValues.Line(report.Status) is null)
        {
            errors.Add($"{at}.Status", $"{name}の進捗状況を選んでください（未報告のままにする場合は、報告日と本文を空にしてください）。");
        }
        else if (!ReportForm.TryStatus(report.Status, out _))
        {
            errors.Add($"{at}.Status", $"{name}の進捗状況は、順調・やや遅れ・遅れ・達成から選んでください。");
        }

        if (!string.IsNullOrWhiteSpace(report.ReportedOn))
        {
            if (!FormValues.TryDate(report.ReportedOn, out var date))
            {
                errors.Add($"{at}.ReportedOn", $"{name}の報告日は 2024-10-01 の形の、存在する日付にしてください。");
            }
            else if (date < start || date > end)
            {
                errors.Add($"{at}.ReportedOn", $"{name}の報告日は{rangeText}の日付にしてください。");
            }
        }

        errors.Required($"{at}.Text", report.Text, $"{name}の本文", FormValues.TextLength);
    }
}

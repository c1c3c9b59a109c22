using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Backoffice.Editing.Goals;

/// <summary>The 重点目標管理シート as an HTML form: every field of <see cref="GoalContent"/>, as typed.</summary>
public sealed class GoalForm : EditorForm
{
    /// <summary>The fiscal year a new goal is created in (only when creating).</summary>
    public int? FiscalYearId { get; set; }

    public string? Title { get; set; }

    public string? Priority { get; set; }

    public string? ComprehensivePlanPosition { get; set; }

    public string? RestructuringPlanPosition { get; set; }

    public string? AdministrativeReformPosition { get; set; }

    public string? CurrentSituation { get; set; }

    public string? PurposeAndEffect { get; set; }

    public List<int> SdgGoals { get; set; } = [];

    public List<InitiativeForm> Initiatives { get; set; } = [];

    public string? CitizenParticipation { get; set; }

    public string? EffectsAndRemainingIssues { get; set; }

    public PlainSummaryForm PlainSummary { get; set; } = new();

    /// <summary>意見の分野: the 分野 the comment form starts with when a resident comes from this goal.</summary>
    public string? CommentField { get; set; }

    public static GoalForm From(GoalContent goal) => new()
    {
        Title = goal.Title,
        Priority = goal.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ComprehensivePlanPosition = goal.ComprehensivePlanPosition,
        RestructuringPlanPosition = goal.RestructuringPlanPosition,
        AdministrativeReformPosition = goal.AdministrativeReformPosition,
        CurrentSituation = goal.CurrentSituation,
        PurposeAndEffect = goal.PurposeAndEffect,
        SdgGoals = [.. goal.SdgGoals],
        Initiatives = goal.Initiatives.Select(InitiativeForm.From).ToList(),
        CitizenParticipation = goal.SpecialNotes.CitizenParticipation,
        EffectsAndRemainingIssues = goal.SpecialNotes.EffectsAndRemainingIssues,
        PlainSummary = PlainSummaryForm.From(goal.PlainSummary),
        CommentField = goal.CommentField,
    };

    /// <summary>The content this form describes. Call only after <see cref="GoalFormValidator"/> found no error.</summary>
    public GoalContent ToContent()
    {
        FormValues.TryWholeNumber(Priority, out var priority);
        return new GoalContent
        {
            Title = FormValues.Line(Title) ?? "",
            Priority = priority,
            ComprehensivePlanPosition = FormValues.Text(ComprehensivePlanPosition),
            RestructuringPlanPosition = FormValues.Text(RestructuringPlanPosition),
            AdministrativeReformPosition = FormValues.Text(AdministrativeReformPosition),
            CurrentSituation = FormValues.Text(CurrentSituation),
            PurposeAndEffect = FormValues.Text(PurposeAndEffect),
            SdgGoals = SdgGoals.Distinct().Order().ToList(),
            // Numbering is the position: ①②… and (1)(2)… follow the order on screen.
            Initiatives = Initiatives.Select((initiative, index) => initiative.ToContent(index + 1)).ToList(),
            SpecialNotes = new SpecialNotes
            {
                CitizenParticipation = FormValues.Text(CitizenParticipation),
                EffectsAndRemainingIssues = FormValues.Text(EffectsAndRemainingIssues),
            },
            PlainSummary = PlainSummary.ToContent(),
            CommentField = FormValues.Line(CommentField),
        };
    }

    /// <summary>A blank sheet for a new goal: one empty 取組項目 to start from.</summary>
    public static GoalForm Blank() => new() { Initiatives = [new InitiativeForm()] };
}

/// <summary>取組項目 ①…</summary>
public sealed class InitiativeForm
{
    public string? Title { get; set; }

    public string? Period { get; set; }

    public List<MeasureForm> Measures { get; set; } = [];

    public ReportForm MidtermReport { get; set; } = new();

    public ReportForm FinalReport { get; set; } = new();

    public PlainSummaryForm PlainSummary { get; set; } = new();

    public static InitiativeForm From(Initiative initiative) => new()
    {
        PlainSummary = PlainSummaryForm.From(initiative.PlainSummary),
        Title = initiative.Title,
        Period = initiative.Period,
        Measures = initiative.Measures.Select(MeasureForm.From).ToList(),
        MidtermReport = ReportForm.From(initiative.MidtermReport),
        FinalReport = ReportForm.From(initiative.FinalReport),
    };

    public Initiative ToContent(int number) => new()
    {
        Number = number,
        Title = FormValues.Line(Title) ?? "",
        Period = FormValues.Line(Period),
        Measures = Measures.Select((measure, index) => measure.ToContent(index + 1)).ToList(),
        MidtermReport = MidtermReport.ToContent(),
        FinalReport = FinalReport.ToContent(),
        PlainSummary = PlainSummary.ToContent(),
    };
}

/// <summary>やさしい日本語 (ひとことで / なぜ / なにをする / いつまでに); all empty means no summary.</summary>
public sealed class PlainSummaryForm
{
    public string? InOneLine { get; set; }

    public string? Why { get; set; }

    public string? What { get; set; }

    public string? ByWhen { get; set; }

    /// <summary>The four parts with their labels, in the order the public page shows them.</summary>
    public IEnumerable<(string Property, string Label, string? Value)> Parts =>
    [
        (nameof(InOneLine), "ひとことで", InOneLine),
        (nameof(Why), "なぜ", Why),
        (nameof(What), "なにをする", What),
        (nameof(ByWhen), "いつまでに", ByWhen),
    ];

    public static PlainSummaryForm From(PlainSummary? summary) => summary is null
        ? new PlainSummaryForm()
        : new PlainSummaryForm { InOneLine = summary.InOneLine, Why = summary.Why, What = summary.What, ByWhen = summary.ByWhen };

    public PlainSummary? ToContent()
    {
        var summary = new PlainSummary
        {
            InOneLine = FormValues.Text(InOneLine),
            Why = FormValues.Text(Why),
            What = FormValues.Text(What),
            ByWhen = FormValues.Text(ByWhen),
        };
        return summary.IsEmpty ? null : summary;
    }
}

/// <summary>One (1)(2)… row: 方法・手段, 期間・期限, 数値目標 and its KPIs.</summary>
public sealed class MeasureForm
{
    public string? Method { get; set; }

    public string? Period { get; set; }

    public string? Target { get; set; }

    public List<KpiForm> Kpis { get; set; } = [];

    public static MeasureForm From(Measure measure) => new()
    {
        Method = measure.Method,
        Period = measure.Period,
        Target = measure.Target,
        Kpis = measure.Kpis.Select(KpiForm.From).ToList(),
    };

    public Measure ToContent(int number) => new()
    {
        Number = number,
        Method = FormValues.Text(Method),
        Period = FormValues.Line(Period),
        Target = FormValues.Text(Target),
        Kpis = Kpis.Select(k => k.ToContent()).ToList(),
    };
}

public sealed class KpiForm
{
    public string? Key { get; set; }

    public string? Label { get; set; }

    public string? Unit { get; set; }

    public string? Baseline { get; set; }

    public string? Target { get; set; }

    public List<MeasurementForm> Measurements { get; set; } = [];

    /// <summary>"" (the rule decides), S, A, B or C.</summary>
    public string? GradeOverride { get; set; }

    public string? GradeOverrideReason { get; set; }

    public static KpiForm From(Kpi kpi) => new()
    {
        GradeOverride = kpi.GradeOverride,
        GradeOverrideReason = kpi.GradeOverrideReason,
        Key = kpi.Key,
        Label = kpi.Label,
        Unit = kpi.Unit,
        Baseline = FormValues.Number(kpi.Baseline),
        Target = FormValues.Number(kpi.Target),
        Measurements = kpi.Measurements.Select(MeasurementForm.From).ToList(),
    };

    public Kpi ToContent()
    {
        FormValues.TryNumber(Target, out var target);
        return new Kpi
        {
            Key = FormValues.Line(Key) ?? "",
            Label = FormValues.Line(Label) ?? "",
            Unit = FormValues.Line(Unit) ?? "",
            Baseline = FormValues.TryNumber(Baseline, out var baseline) ? baseline : null,
            Target = target,
            Measurements = Measurements.Select(m => m.ToContent()).ToList(),
            GradeOverride = FormValues.Line(GradeOverride),
            GradeOverrideReason = FormValues.Line(GradeOverride) is null ? null : FormValues.Text(GradeOverrideReason),
        };
    }
}

/// <summary>A dated measured value (実績) of a KPI.</summary>
public sealed class MeasurementForm
{
    public string? Date { get; set; }

    public string? Value { get; set; }

    public string? Note { get; set; }

    public static MeasurementForm From(KpiMeasurement measurement) => new()
    {
        Date = FormValues.Date(measurement.Date),
        Value = FormValues.Number(measurement.Value),
        Note = measurement.Note,
    };

    public KpiMeasurement ToContent()
    {
        FormValues.TryDate(Date, out var date);
        FormValues.TryNumber(Value, out var value);
        return new KpiMeasurement { Date = date, Value = value, Note = FormValues.Line(Note) };
    }
}

/// <summary>中間報告 or 期末報告. An empty status means 未報告: the report is stored as null.</summary>
public sealed class ReportForm
{
    /// <summary>"" (未報告), OnTrack, SlightlyBehind, Behind or Achieved.</summary>
    public string? Status { get; set; }

    public string? ReportedOn { get; set; }

    public string? Text { get; set; }

    public static ReportForm From(ProgressReport? report) => report is null
        ? new ReportForm()
        : new ReportForm { Status = report.Status.ToString(), ReportedOn = FormValues.Date(report.ReportedOn), Text = report.Text };

    public bool IsEmpty => FormValues.Line(Status) is null && FormValues.Line(ReportedOn) is null && FormValues.Text(Text) is null;

    public static bool TryStatus(string? value, out ProgressStatus status)
    {
        status = default;
        return FormValues.Line(value) is { } name && Enum.GetNames<ProgressStatus>().Contains(name, StringComparer.Ordinal) && Enum.TryParse(name, out status);
    }

    public ProgressReport? ToContent()
    {
        if (!TryStatus(Status, out var status))
        {
            return null;
        }

        return new ProgressReport
        {
            Status = status,
            Text = FormValues.Text(Text) ?? "",
            ReportedOn = FormValues.TryDate(ReportedOn, out var date) ? date : null,
        };
    }
}

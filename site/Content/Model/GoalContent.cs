namespace UedaPublicGoals.Content.Model;

/// <summary>
/// One 重点目標管理シート: the goal and everything under it. Edited, versioned and
/// published as a unit; stored as a JSON snapshot per version (see ContentVersion).
/// Text fields hold Markdown (rendered without raw HTML). A null or empty value
/// means "not yet reported" and is shown as such, never filled in.
/// </summary>
public sealed class GoalContent
{
    /// <summary>重点目標</summary>
    public string Title { get; set; } = "";

    /// <summary>優先順位 (1 = 1位).</summary>
    public int Priority { get; set; }

    /// <summary>総合計画における位置付け</summary>
    public string? ComprehensivePlanPosition { get; set; }

    /// <summary>上田再構築プラン Ver.2.0「もっと、前へ」における位置付け</summary>
    public string? RestructuringPlanPosition { get; set; }

    /// <summary>第四次上田市行財政改革大綱・アクションプログラムにおける位置付け</summary>
    public string? AdministrativeReformPosition { get; set; }

    /// <summary>現況・課題</summary>
    public string? CurrentSituation { get; set; }

    /// <summary>目的・効果</summary>
    public string? PurposeAndEffect { get; set; }

    /// <summary>該当するSDGsの目標 (1–17). Empty: not yet reported.</summary>
    public List<int> SdgGoals { get; set; } = [];

    /// <summary>取組項目 ①②…</summary>
    public List<Initiative> Initiatives { get; set; } = [];

    /// <summary>特記事項</summary>
    public SpecialNotes SpecialNotes { get; set; } = new();

    /// <summary>やさしい日本語 summary written by staff; null until someone writes one (never generated).</summary>
    public PlainSummary? PlainSummary { get; set; }

    /// <summary>意見の分野: the 分野 the comment form pre-selects for residents coming from this goal; null: none.</summary>
    public string? CommentField { get; set; }
}

/// <summary>
/// やさしい日本語: a short plain-Japanese explanation written by the city, shown before the
/// sheet's own words. Every part is optional; an all-empty summary is stored as null.
/// </summary>
public sealed class PlainSummary
{
    /// <summary>ひとことで</summary>
    public string? InOneLine { get; set; }

    /// <summary>なぜ</summary>
    public string? Why { get; set; }

    /// <summary>なにをする</summary>
    public string? What { get; set; }

    /// <summary>いつまでに</summary>
    public string? ByWhen { get; set; }

    [Newtonsoft.Json.JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(InOneLine) && string.IsNullOrWhiteSpace(Why) && string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(ByWhen);
}

/// <summary>取組項目: one numbered row (①…) of the sheet.</summary>
public sealed class Initiative
{
    /// <summary>1-based; shown as ①, ②, ….</summary>
    public int Number { get; set; }

    /// <summary>The heading after ○, e.g. 第三次上田市総合計画(R8～) 策定推進.</summary>
    public string Title { get; set; } = "";

    /// <summary>期間・期限 when the sheet gives one period for the whole row (e.g. 年度内, 通年).</summary>
    public string? Period { get; set; }

    /// <summary>The numbered sub-items (1)(2)….</summary>
    public List<Measure> Measures { get; set; } = [];

    /// <summary>中間報告; null until reported.</summary>
    public ProgressReport? MidtermReport { get; set; }

    /// <summary>期末報告; null until reported.</summary>
    public ProgressReport? FinalReport { get; set; }

    /// <summary>やさしい日本語 summary of this 取組; null until staff write one.</summary>
    public PlainSummary? PlainSummary { get; set; }
}

/// <summary>One numbered sub-item (1)(2)… of an initiative: method, period and numeric target.</summary>
public sealed class Measure
{
    public int Number { get; set; }

    /// <summary>取組項目及び方法・手段 (何をどのように). May be empty when the sheet lists only a period and target.</summary>
    public string? Method { get; set; }

    /// <summary>期間・期限 (いつ・いつまでに) for this sub-item.</summary>
    public string? Period { get; set; }

    /// <summary>数値目標 (どの水準まで), verbatim Markdown.</summary>
    public string? Target { get; set; }

    /// <summary>Measurable indicators read from the target text (e.g. LINE友だち 13,967人→17,000人).</summary>
    public List<Kpi> Kpis { get; set; } = [];
}

/// <summary>A key performance indicator with an optional baseline and dated measurements.</summary>
public sealed class Kpi
{
    /// <summary>Stable ASCII key within the goal, e.g. "line-friends".</summary>
    public string Key { get; set; } = "";

    public string Label { get; set; } = "";

    public string Unit { get; set; } = "";

    public decimal? Baseline { get; set; }

    public decimal Target { get; set; }

    public List<KpiMeasurement> Measurements { get; set; } = [];

    /// <summary>A 達成度 set by staff instead of the computed one (S, A, B or C); null: the rule decides.</summary>
    public string? GradeOverride { get; set; }

    /// <summary>Why staff set <see cref="GradeOverride"/>; required with it and shown beside it.</summary>
    public string? GradeOverrideReason { get; set; }
}

public sealed class KpiMeasurement
{
    public DateOnly Date { get; set; }

    public decimal Value { get; set; }

    public string? Note { get; set; }
}

/// <summary>中間報告 or 期末報告 for one initiative.</summary>
public sealed class ProgressReport
{
    public string Text { get; set; } = "";

    public ProgressStatus Status { get; set; }

    public DateOnly? ReportedOn { get; set; }
}

public enum ProgressStatus
{
    /// <summary>順調</summary>
    OnTrack,
    /// <summary>やや遅れ</summary>
    SlightlyBehind,
    /// <summary>遅れ</summary>
    Behind,
    /// <summary>達成</summary>
    Achieved,
}

/// <summary>特記事項: two questions of the sheet, each answered at reporting time.</summary>
public sealed class SpecialNotes
{
    /// <summary>○市民参加・協働の推進、市民満足度の向上を考慮した点</summary>
    public string? CitizenParticipation { get; set; }

    /// <summary>○取組による効果・残された課題</summary>
    public string? EffectsAndRemainingIssues { get; set; }
}

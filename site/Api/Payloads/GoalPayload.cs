using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Api.Payloads;

// The JSON the API and goals.json send. Records here are the public contract: property
// names become the camelCase JSON names documented in openapi.json, so rename with care.
// Markdown fields are the stored Markdown (CommonMark, raw HTML disabled); null means 未報告.

/// <summary>One 重点目標管理シート with everything on it.</summary>
public sealed record GoalPayload(
    Guid Id,
    string Slug,
    string Url,
    string ApiUrl,
    int Version,
    DateTime PublishedAt,
    DepartmentRef Department,
    FiscalYearRef FiscalYear,
    int Priority,
    string Title,
    string? ComprehensivePlanPosition,
    string? RestructuringPlanPosition,
    string? AdministrativeReformPosition,
    string? CurrentSituation,
    string? PurposeAndEffect,
    IReadOnlyList<int> SdgGoals,
    IReadOnlyList<InitiativePayload> Initiatives,
    SpecialNotesPayload SpecialNotes,
    ProgressPayload Progress,
    PlainSummaryPayload? PlainSummary,
    string? CommentField);

/// <summary>やさしい日本語, written by the city; each part null when not written.</summary>
public sealed record PlainSummaryPayload(string? InOneLine, string? Why, string? What, string? ByWhen);

public sealed record DepartmentRef(string Slug, string Name, string Url);

public sealed record FiscalYearRef(int Year, string Slug, string Label, string Heading, string Url, int MidtermReportMonth, int FinalReportMonth);

/// <summary>取組項目 ①②….</summary>
public sealed record InitiativePayload(
    int Number,
    string Marker,
    string Title,
    string? Period,
    IReadOnlyList<MeasurePayload> Measures,
    ReportPayload? MidtermReport,
    ReportPayload? FinalReport,
    PlainSummaryPayload? PlainSummary);

/// <summary>
/// One (1)(2)… row: <see cref="Period"/> is the row's own 期間・期限, else the initiative's,
/// as the sheet shows it.
/// </summary>
public sealed record MeasurePayload(int Number, string? Method, string? Period, string? Target, IReadOnlyList<KpiPayload> Kpis);

public sealed record KpiPayload(
    string Key,
    string Label,
    string Unit,
    decimal? Baseline,
    decimal Target,
    KpiMeasurementPayload? Latest,
    IReadOnlyList<KpiMeasurementPayload> Measurements,
    string? GradeOverride,
    string? GradeOverrideReason);

public sealed record KpiMeasurementPayload(DateOnly Date, decimal Value, string? Note);

/// <summary>中間報告 or 期末報告. <see cref="StatusLabel"/> is the Japanese word for <see cref="Status"/>.</summary>
public sealed record ReportPayload(ProgressStatus Status, string StatusLabel, string Text, DateOnly? ReportedOn);

public sealed record SpecialNotesPayload(string? CitizenParticipation, string? EffectsAndRemainingIssues);

/// <summary>The one-line status the site shows in lists.</summary>
public sealed record ProgressPayload(int InitiativeCount, int MidtermReported, int FinalReported, string Summary);

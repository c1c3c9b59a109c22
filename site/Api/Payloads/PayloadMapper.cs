using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Api.Payloads;

/// <summary>API paths, in one place so payload links and routes agree.</summary>
public static class ApiPaths
{
    public const string Root = "/api/";
    public const string OpenApiDocument = "/api/openapi.json";
    public const string Departments = "/api/v1/departments";

    /// <summary>The western fiscal year is the canonical form; the site's slug (r6) is accepted too.</summary>
    public static string YearGoals(string department, int year) => $"/api/v1/departments/{department}/years/{year}/goals";

    public static string Goal(Guid id) => $"/api/v1/goals/{id:D}";

    public static string Page(string slug) => $"/api/v1/pages/{slug}";
}

/// <summary>
/// Turns the published read model into payloads. URLs are <paramref name="origin"/> + path:
/// the public origin for API answers, or "" for root-relative links when none is known.
/// </summary>
public sealed class PayloadMapper(string origin)
{
    public string Absolute(string path) => origin + path;

    public DepartmentListPayload Departments(PublishedSite site) => new(
        site.Departments.Select(department => new DepartmentPayload(
            department.Slug,
            department.Name,
            Absolute(department.Url),
            department.Years.Select(year => new FiscalYearSummaryPayload(
                year.Year,
                year.Slug,
                year.Label,
                year.Heading,
                Absolute(year.Url),
                Absolute(ApiPaths.YearGoals(department.Slug, year.Year)),
                year.Goals.Count)).ToList())).ToList());

    public YearGoalsPayload YearGoals(PublishedFiscalYear year) =>
        new(DepartmentRef(year.Department), FiscalYearRef(year), year.Goals.Select(Goal).ToList());

    public GoalPayload Goal(PublishedGoal goal)
    {
        var content = goal.Content;
        return new GoalPayload(
            goal.DocumentId,
            goal.Slug,
            Absolute(goal.Url),
            Absolute(ApiPaths.Goal(goal.DocumentId)),
            goal.Version,
            AsUtc(goal.PublishedUtc),
            DepartmentRef(goal.Department),
            FiscalYearRef(goal.Year),
            content.Priority,
            content.Title,
            Reported(content.ComprehensivePlanPosition),
            Reported(content.RestructuringPlanPosition),
            Reported(content.AdministrativeReformPosition),
            Reported(content.CurrentSituation),
            Reported(content.PurposeAndEffect),
            content.SdgGoals.Order().ToList(),
            content.Initiatives.OrderBy(i => i.Number).Select(Initiative).ToList(),
            new SpecialNotesPayload(Reported(content.SpecialNotes.CitizenParticipation), Reported(content.SpecialNotes.EffectsAndRemainingIssues)),
            new ProgressPayload(goal.Progress.InitiativeCount, goal.Progress.MidtermReported, goal.Progress.FinalReported, goal.Progress.Text),
            PlainSummary(content.PlainSummary),
            Reported(content.CommentField));
    }

    public PagePayload Page(PublishedPage page) => new(
        page.Slug,
        page.Content.Title,
        Reported(page.Content.Summary),
        page.Content.Body,
        Absolute(page.Url),
        Absolute(ApiPaths.Page(page.Slug)),
        page.Version,
        AsUtc(page.PublishedUtc));

    public DepartmentRef DepartmentRef(PublishedDepartment department) => new(department.Slug, department.Name, Absolute(department.Url));

    public FiscalYearRef FiscalYearRef(PublishedFiscalYear year) => new(year.Year, year.Slug, year.Label, year.Heading, Absolute(year.Url), year.Cycle.MidtermMonth, year.Cycle.FinalMonth);

    private static InitiativePayload Initiative(Initiative initiative) => new(
        initiative.Number,
        Numbering.Circled(initiative.Number),
        initiative.Title,
        Reported(initiative.Period),
        initiative.Measures.OrderBy(m => m.Number).Select(m => Measure(initiative, m)).ToList(),
        Report(initiative.MidtermReport),
        Report(initiative.FinalReport),
        PlainSummary(initiative.PlainSummary));

    private static PlainSummaryPayload? PlainSummary(PlainSummary? summary) => summary is null || summary.IsEmpty
        ? null
        : new PlainSummaryPayload(Reported(summary.InOneLine), Reported(summary.Why), Reported(summary.What), Reported(summary.ByWhen));

    private static MeasurePayload Measure(Initiative initiative, Measure measure) => new(
        measure.Number,
        Reported(measure.Method),
        Reported(measure.Period) ?? Reported(initiative.Period),
        Reported(measure.Target),
        measure.Kpis.Select(Kpi).ToList());

    private static KpiPayload Kpi(Kpi kpi)
    {
        var measurements = kpi.Measurements.OrderBy(m => m.Date).Select(m => new KpiMeasurementPayload(m.Date, m.Value, Reported(m.Note))).ToList();
        var gradeOverride = Reported(kpi.GradeOverride);
        return new KpiPayload(kpi.Key, kpi.Label, kpi.Unit, kpi.Baseline, kpi.Target, measurements.LastOrDefault(), measurements, gradeOverride, gradeOverride is null ? null : Reported(kpi.GradeOverrideReason));
    }

    private static ReportPayload? Report(ProgressReport? report) =>
        report is null ? null : new ReportPayload(report.Status, report.Status.ToJapanese(), report.Text, report.ReportedOn);

    /// <summary>The site shows blank text as 未報告; the API says the same with null.</summary>
    private static string? Reported(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

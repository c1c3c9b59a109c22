namespace UedaPublicGoals.Api.Payloads;

/// <summary>GET /api/v1/departments</summary>
public sealed record DepartmentListPayload(IReadOnlyList<DepartmentPayload> Departments);

public sealed record DepartmentPayload(string Slug, string Name, string Url, IReadOnlyList<FiscalYearSummaryPayload> FiscalYears);

/// <summary>A fiscal year as listed under its department, with the API URL of its goals.</summary>
public sealed record FiscalYearSummaryPayload(int Year, string Slug, string Label, string Heading, string Url, string GoalsApiUrl, int GoalCount);

/// <summary>GET /api/v1/departments/{department}/years/{year}/goals: goals in priority order.</summary>
public sealed record YearGoalsPayload(DepartmentRef Department, FiscalYearRef FiscalYear, IReadOnlyList<GoalPayload> Goals);

/// <summary>GET /api/v1/pages/{slug}. <see cref="Body"/> is Markdown.</summary>
public sealed record PagePayload(string Slug, string Title, string? Summary, string Body, string Url, string ApiUrl, int Version, DateTime PublishedAt);

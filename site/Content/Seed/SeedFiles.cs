using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Content.Seed;

/// <summary>content-seed/departments/*.json</summary>
public sealed class DepartmentSeedFile
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public List<FiscalYearSeed> FiscalYears { get; set; } = [];
}

public sealed class FiscalYearSeed
{
    public int Year { get; set; }
    public string Slug { get; set; } = "";
    public string Heading { get; set; } = "";

    /// <summary>Month (1–12) the 中間報告 is due; Ueda's default when absent.</summary>
    public int MidtermReportMonth { get; set; } = Reporting.ReportingCycle.DefaultMidtermMonth;

    /// <summary>Month (1–12) the 期末報告 is due; Ueda's default when absent.</summary>
    public int FinalReportMonth { get; set; } = Reporting.ReportingCycle.DefaultFinalMonth;

    /// <summary>Goal slugs in priority order; each must have a goal file.</summary>
    public List<string> Goals { get; set; } = [];
}

/// <summary>content-seed/goals/{department}/{year}/{slug}.json</summary>
public sealed class GoalSeedFile
{
    public string Department { get; set; } = "";
    public int Year { get; set; }
    public string Slug { get; set; } = "";
    public GoalContent Content { get; set; } = new();
}

/// <summary>content-seed/pages/{slug}.md: front matter (slug, title, summary, sortOrder) and a Markdown body.</summary>
public sealed record PageSeedFile(string Slug, int SortOrder, PageContent Content);

/// <summary>A seed file that cannot be imported. The message is one line: file, field, problem.</summary>
public sealed class ContentSeedException(string file, string field, string problem)
    : Exception($"content-seed error: {file}: {field}: {problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}

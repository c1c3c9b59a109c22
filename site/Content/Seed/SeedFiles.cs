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

/// <summary>
/// content-seed/goals/{department}/{year}/{slug}.json: where a goal lives (what a sheet cannot say)
/// and either its sheet in content-seed/source/, read by the same importer staff use, or, for a goal
/// that has no sheet, its content written out.
/// </summary>
public sealed class GoalSeedFile
{
    public string Department { get; set; } = "";
    public int Year { get; set; }
    public string Slug { get; set; } = "";

    /// <summary>The sheet the goal is read from; null when <see cref="Content"/> is written out.</summary>
    public GoalSeedSource? Source { get; set; }

    /// <summary>ASCII keys for the KPIs the importer recognises in the sheet, in sheet order (the sheet cannot know them).</summary>
    public List<string>? KpiKeys { get; set; }

    public GoalContent Content { get; set; } = new();
}

/// <summary>A sheet of a text export or workbook under content-seed/source/: the file and the sheet's place in it (1 = first).</summary>
public sealed class GoalSeedSource
{
    public string File { get; set; } = "";
    public int Sheet { get; set; }
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

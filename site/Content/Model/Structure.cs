namespace UedaPublicGoals.Content.Model;

/// <summary>部局. A structure node: not versioned, visible once it has a published goal.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public List<FiscalYear> FiscalYears { get; set; } = [];

    /// <summary>Set when moved to the recycle bin.</summary>
    public DateTime? DeletedUtc { get; set; }
}

/// <summary>A department's fiscal year (令和6年度 = 2024), holding its priority goals.</summary>
public sealed class FiscalYear
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }

    /// <summary>Western fiscal year that starts in April, e.g. 2024.</summary>
    public int Year { get; set; }

    /// <summary>URL segment, e.g. "r6".</summary>
    public string Slug { get; set; } = "";

    /// <summary>Heading as the department writes it, e.g. 令和6年度 重点目標.</summary>
    public string Heading { get; set; } = "";

    /// <summary>Month (1–12) the 中間報告 is due to be published; Ueda's cycle: October.</summary>
    public int MidtermReportMonth { get; set; } = Reporting.ReportingCycle.DefaultMidtermMonth;

    /// <summary>Month (1–12) the 期末報告 is due to be published; Ueda's cycle: March, the fiscal year's end.</summary>
    public int FinalReportMonth { get; set; } = Reporting.ReportingCycle.DefaultFinalMonth;

    /// <summary>Set when moved to the recycle bin.</summary>
    public DateTime? DeletedUtc { get; set; }
}

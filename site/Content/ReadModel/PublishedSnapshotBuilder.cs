using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Content.ReadModel;

/// <summary>One published document (not in the recycle bin): where it sits and which version the public sees.</summary>
internal sealed record PublishedRow(Guid Id, DocumentKind Kind, int? FiscalYearId, string Slug, int SortOrder, DateTime? PublishedUtc, int Number);

/// <summary>A department in a snapshot, with the structure (names, slugs, years) it was put together from.</summary>
internal sealed record BuiltDepartment(string Shape, PublishedDepartment Published);

/// <summary>What a snapshot was built from, kept so that the next publish reads and rebuilds only its batch.</summary>
internal sealed class PublishedSnapshotState(
    PublishedSite site,
    IReadOnlyDictionary<Guid, PublishedRow> rows,
    IReadOnlyDictionary<int, IReadOnlyList<Guid>> goalsByYear,
    IReadOnlyDictionary<int, BuiltDepartment> departments)
{
    public static PublishedSnapshotState Empty { get; } = new(PublishedSite.Empty, new Dictionary<Guid, PublishedRow>(), new Dictionary<int, IReadOnlyList<Guid>>(), new Dictionary<int, BuiltDepartment>());

    public PublishedSite Site { get; } = site;

    /// <summary>Every published document, also those under a fiscal year in the recycle bin (they come back with it).</summary>
    public IReadOnlyDictionary<Guid, PublishedRow> Rows { get; } = rows;

    /// <summary>The published goals' ids by fiscal year id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Guid>> GoalsByYear { get; } = goalsByYear;

    /// <summary>The departments in <see cref="Site"/> by their id.</summary>
    public IReadOnlyDictionary<int, BuiltDepartment> Departments { get; } = departments;
}

/// <summary>
/// Puts the next <see cref="PublishedSite"/> together from the previous one and what changed. The read model's
/// objects point up (goal → year → department → its years), so the unit that can be shared between snapshots is
/// a department: one whose structure is the same and none of whose fiscal years holds (or held) a changed
/// document is carried over as it is, years and goals included. A department that is put together again reuses
/// the parsed content of every goal whose published version is the same.
/// </summary>
internal sealed class PublishedSnapshotBuilder
{
    private readonly PublishedSnapshotState previous;
    private readonly IReadOnlyList<Department> departments;
    private readonly DateTime now;
    private readonly bool everything;
    private readonly HashSet<Guid> changed;
    private readonly Dictionary<Guid, PublishedRow> rows;
    private readonly Dictionary<int, IReadOnlyList<Guid>> goalsByYear;
    private readonly HashSet<int> touchedYears = [];
    private readonly Dictionary<int, BuiltDepartment> carriedOver = [];
    private bool pagesTouched;

    /// <param name="changedRows">The published rows of <paramref name="changedDocuments"/> (all rows when that is null).</param>
    /// <param name="changedDocuments">The batch; null rebuilds everything and reuses nothing from <paramref name="previous"/>.</param>
    public PublishedSnapshotBuilder(PublishedSnapshotState previous, IReadOnlyList<Department> departments, IReadOnlyList<PublishedRow> changedRows, IReadOnlyCollection<Guid>? changedDocuments, DateTime now)
    {
        this.departments = departments;
        this.now = now;
        everything = changedDocuments is null;
        this.previous = everything ? PublishedSnapshotState.Empty : previous;
        changed = changedDocuments?.ToHashSet() ?? [];

        rows = new Dictionary<Guid, PublishedRow>(this.previous.Rows);
        goalsByYear = new Dictionary<int, IReadOnlyList<Guid>>(this.previous.GoalsByYear);
        foreach (var id in changed)
        {
            if (rows.Remove(id, out var old))
            {
                Touch(old);
            }
        }

        foreach (var row in changedRows)
        {
            rows[row.Id] = row;
            Touch(row);
        }

        var changedGoalsByYear = changedRows.Where(r => r.Kind == DocumentKind.Goal).ToLookup(r => r.FiscalYearId);
        foreach (var year in touchedYears)
        {
            // The lists are shared with the previous state, so a touched year gets a new one.
            var goals = this.previous.GoalsByYear.GetValueOrDefault(year, [])
                .Where(id => !changed.Contains(id))
                .Concat(changedGoalsByYear[year].Select(r => r.Id))
                .ToList();
            if (goals.Count == 0)
            {
                goalsByYear.Remove(year);
            }
            else
            {
                goalsByYear[year] = goals;
            }
        }

        foreach (var department in departments)
        {
            if (!everything
                && this.previous.Departments.TryGetValue(department.Id, out var built)
                && built.Shape == ShapeOf(department)
                && !department.FiscalYears.Any(y => touchedYears.Contains(y.Id)))
            {
                carriedOver[department.Id] = built;
            }
        }
    }

    /// <summary>How much work an update did: departments put together again, and documents read and parsed.</summary>
    public readonly record struct Counts(int DepartmentsBuilt, int DocumentsRead);

    /// <summary>The documents whose published JSON must be read: changed versions in the departments put together again, and changed pages.</summary>
    public IReadOnlyList<Guid> DocumentsToRead()
    {
        var goals = departments.Where(d => !carriedOver.ContainsKey(d.Id))
            .SelectMany(d => d.FiscalYears)
            .SelectMany(y => goalsByYear.GetValueOrDefault(y.Id, []))
            .Where(id => ReusableGoal(id) is null);
        var pages = pagesTouched ? PageRows().Where(r => ReusablePage(r.Id) is null).Select(r => r.Id) : [];
        return goals.Concat(pages).ToList();
    }

    /// <param name="json">The published JSON of every document <see cref="DocumentsToRead"/> named.</param>
    public (PublishedSnapshotState State, Counts Counts) Build(IReadOnlyDictionary<Guid, string> json)
    {
        var goalsById = new Dictionary<Guid, PublishedGoal>(previous.Site.GoalsById);
        foreach (var (id, old) in previous.Departments)
        {
            if (!carriedOver.ContainsKey(id))
            {
                foreach (var goal in old.Published.Years.SelectMany(y => y.Goals))
                {
                    goalsById.Remove(goal.DocumentId);
                }
            }
        }

        var result = new List<PublishedDepartment>();
        var built = new Dictionary<int, BuiltDepartment>();
        var departmentsBuilt = 0;
        foreach (var department in departments)
        {
            if (carriedOver.TryGetValue(department.Id, out var kept))
            {
                result.Add(kept.Published);
                built[department.Id] = kept;
                continue;
            }

            departmentsBuilt++;
            var publishedDepartment = BuildDepartment(department, json);
            if (publishedDepartment.Years.Count > 0)
            {
                result.Add(publishedDepartment);
                built[department.Id] = new BuiltDepartment(ShapeOf(department), publishedDepartment);
                foreach (var goal in publishedDepartment.Years.SelectMany(y => y.Goals))
                {
                    goalsById[goal.DocumentId] = goal;
                }
            }
        }

        var pages = !pagesTouched ? previous.Site.Pages : PageRows()
            .Select(r => ReusablePage(r.Id) is { } same && !changed.Contains(r.Id)
                ? same
                : new PublishedPage(r.Id, r.Slug, r.SortOrder, r.Number, r.PublishedUtc ?? now, ReusablePage(r.Id)?.Content ?? ContentJson.Deserialize<PageContent>(json[r.Id])))
            .OrderBy(p => p.SortOrder)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();

        var site = new PublishedSite(result, pages, now, goalsById);
        return (new PublishedSnapshotState(site, rows, goalsByYear, built), new Counts(departmentsBuilt, json.Count));
    }

    private PublishedDepartment BuildDepartment(Department department, IReadOnlyDictionary<Guid, string> json)
    {
        var publishedDepartment = new PublishedDepartment(department.Slug, department.Name);
        foreach (var year in department.FiscalYears.OrderByDescending(y => y.Year))
        {
            var publishedYear = new PublishedFiscalYear(publishedDepartment, year.Year, year.Slug, year.Heading, new Reporting.ReportingCycle(year.Year, year.MidtermReportMonth, year.FinalReportMonth));
            publishedYear.Goals.AddRange(goalsByYear.GetValueOrDefault(year.Id, [])
                .Select(id => rows[id])
                .Select(g => new PublishedGoal(g.Id, publishedYear, g.Slug, g.Number, g.PublishedUtc ?? now, ReusableGoal(g.Id)?.Content ?? ContentJson.Deserialize<GoalContent>(json[g.Id])))
                .OrderBy(g => g.Content.Priority)
                .ThenBy(g => g.Slug, StringComparer.Ordinal));
            if (publishedYear.Goals.Count > 0)
            {
                publishedDepartment.Years.Add(publishedYear);
            }
        }

        return publishedDepartment;
    }

    private void Touch(PublishedRow row)
    {
        if (row.Kind == DocumentKind.Page)
        {
            pagesTouched = true;
        }
        else if (row.FiscalYearId is { } year)
        {
            touchedYears.Add(year);
        }
    }

    private IEnumerable<PublishedRow> PageRows() => rows.Values.Where(r => r.Kind == DocumentKind.Page);

    /// <summary>The previous snapshot's goal when it shows the same published version (its parsed content never changes).</summary>
    private PublishedGoal? ReusableGoal(Guid id) =>
        previous.Site.FindGoal(id) is { } goal && goal.Version == rows[id].Number ? goal : null;

    private PublishedPage? ReusablePage(Guid id) =>
        previous.Site.FindPage(id) is { } page && page.Version == rows[id].Number ? page : null;

    /// <summary>Everything about a department the snapshot shows besides its goals; a difference puts it together again.</summary>
    private static string ShapeOf(Department department) =>
        string.Join('\u001f', department.FiscalYears.OrderByDescending(y => y.Year)
            .Select(y => $"{y.Id}\u001e{y.Year}\u001e{y.Slug}\u001e{y.Heading}\u001e{y.MidtermReportMonth}\u001e{y.FinalReportMonth}")
            .Prepend(department.Name)
            .Prepend(department.Slug));
}

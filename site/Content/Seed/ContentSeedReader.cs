using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Content.Seed;

/// <summary>Everything read from a content-seed folder, validated as a whole.</summary>
public sealed record ContentSeed(IReadOnlyList<DepartmentSeedFile> Departments, IReadOnlyList<GoalSeedFile> Goals, IReadOnlyList<PageSeedFile> Pages);

/// <summary>
/// Reads and validates the content-seed folder before anything touches the database,
/// so a malformed file stops start-up with one line and imports nothing.
/// </summary>
public static partial class ContentSeedReader
{
    public static ContentSeed Read(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new ContentSeedException(root, "(folder)", "the content-seed folder does not exist");
        }

        var departments = Files(root, "departments", "*.json").Select(f => ReadJson<DepartmentSeedFile>(root, f)).ToList();
        var sheets = new SeedSheetSource(root);
        var goals = Files(root, "goals", "*.json").Select(f => ReadJson<GoalSeedFile>(root, f)).Select(g => (g.File, Value: sheets.Fill(g.File, g.Value))).ToList();
        var pages = Files(root, "pages", "*.md").Select(f => ReadPage(root, f)).ToList();

        foreach (var (file, department) in departments)
        {
            ValidateDepartment(file, department);
        }

        foreach (var (file, goal) in goals)
        {
            ValidateGoal(file, goal, departments.Select(d => d.Value).ToList());
        }

        CheckGoalListsMatchFiles(departments, goals);
        Duplicates(departments.Select(d => (d.File, d.Value.Slug)), "slug", "another department file has the same slug");
        Duplicates(goals.Select(g => (g.File, $"{g.Value.Department}/{g.Value.Year}/{g.Value.Slug}")), "slug", "another goal file has the same department, year and slug");
        Duplicates(pages.Select(p => (p.File, p.Value.Slug)), "slug", "another page has the same slug");

        return new ContentSeed(departments.Select(d => d.Value).ToList(), goals.Select(g => g.Value).ToList(), pages.Select(p => p.Value).ToList());
    }

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var path = Path.Combine(root, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
    }

    private static (string File, T Value) ReadJson<T>(string root, string path)
    {
        var file = Relative(root, path);
        try
        {
            return (file, ContentJson.Deserialize<T>(File.ReadAllText(path)));
        }
        catch (JsonException ex)
        {
            var field = ex switch
            {
                JsonReaderException r when !string.IsNullOrEmpty(r.Path) => r.Path,
                JsonSerializationException s when !string.IsNullOrEmpty(s.Path) => s.Path,
                _ => "(document)",
            };
            throw new ContentSeedException(file, field, FirstSentence(ex.Message));
        }
    }

    private static (string File, PageSeedFile Value) ReadPage(string root, string path)
    {
        var file = Relative(root, path);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new ContentSeedException(file, "front matter", "the file must start with a '---' front matter block");
        }

        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ContentSeedException(file, "front matter", "the front matter block is not closed with '---'");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text[4..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new ContentSeedException(file, "front matter", $"'{line}' is not a 'key: value' line");
            }

            var key = line[..colon].Trim();
            if (key is not ("slug" or "title" or "summary" or "sortOrder"))
            {
                throw new ContentSeedException(file, key, "unknown front matter key (allowed: slug, title, summary, sortOrder)");
            }

            fields[key] = line[(colon + 1)..].Trim();
        }

        var slug = fields.GetValueOrDefault("slug") ?? "";
        RequireSlug(file, "slug", slug);
        var title = fields.GetValueOrDefault("title") ?? "";
        Require(file, "title", title);
        var sortOrder = 0;
        if (fields.TryGetValue("sortOrder", out var order) && !int.TryParse(order, NumberStyles.Integer, CultureInfo.InvariantCulture, out sortOrder))
        {
            throw new ContentSeedException(file, "sortOrder", $"'{order}' is not a whole number");
        }

        var body = text[(end + 5)..].Trim();
        Require(file, "body", body);
        return (file, new PageSeedFile(slug, sortOrder, new PageContent { Title = title, Summary = fields.GetValueOrDefault("summary"), Body = body }));
    }

    private static void ValidateDepartment(string file, DepartmentSeedFile department)
    {
        RequireSlug(file, "slug", department.Slug);
        Require(file, "name", department.Name);
        if (department.FiscalYears.Count == 0)
        {
            throw new ContentSeedException(file, "fiscalYears", "at least one fiscal year is required");
        }

        for (var i = 0; i < department.FiscalYears.Count; i++)
        {
            var year = department.FiscalYears[i];
            var at = $"fiscalYears[{i}]";
            if (year.Year is < 2000 or > 2100)
            {
                throw new ContentSeedException(file, $"{at}.year", $"{year.Year} is not a fiscal year between 2000 and 2100");
            }

            RequireSlug(file, $"{at}.slug", year.Slug);
            Require(file, $"{at}.heading", year.Heading);
            foreach (var (field, month) in new[] { ("midtermReportMonth", year.MidtermReportMonth), ("finalReportMonth", year.FinalReportMonth) })
            {
                if (!Reporting.ReportingCycle.IsMonth(month))
                {
                    throw new ContentSeedException(file, $"{at}.{field}", $"{month} is not a month between 1 and 12");
                }
            }

            for (var g = 0; g < year.Goals.Count; g++)
            {
                RequireSlug(file, $"{at}.goals[{g}]", year.Goals[g]);
            }
        }
    }

    private static void ValidateGoal(string file, GoalSeedFile goal, IReadOnlyList<DepartmentSeedFile> departments)
    {
        RequireSlug(file, "slug", goal.Slug);
        var department = departments.FirstOrDefault(d => d.Slug == goal.Department)
            ?? throw new ContentSeedException(file, "department", $"no department file has the slug '{goal.Department}'");
        if (department.FiscalYears.All(y => y.Year != goal.Year))
        {
            throw new ContentSeedException(file, "year", $"department '{goal.Department}' has no fiscal year {goal.Year}");
        }

        var content = goal.Content;
        Require(file, "content.title", content.Title);
        if (content.Priority < 1)
        {
            throw new ContentSeedException(file, "content.priority", "must be 1 or more (1 = 優先順位1位)");
        }

        for (var s = 0; s < content.SdgGoals.Count; s++)
        {
            if (content.SdgGoals[s] is < 1 or > 17)
            {
                throw new ContentSeedException(file, $"content.sdgGoals[{s}]", $"{content.SdgGoals[s]} is not an SDG (1–17)");
            }
        }

        for (var i = 0; i < content.Initiatives.Count; i++)
        {
            var initiative = content.Initiatives[i];
            var at = $"content.initiatives[{i}]";
            if (initiative.Number != i + 1)
            {
                throw new ContentSeedException(file, $"{at}.number", $"expected {i + 1} (initiatives are numbered ①, ②… in order), found {initiative.Number}");
            }

            Require(file, $"{at}.title", initiative.Title);
            for (var m = 0; m < initiative.Measures.Count; m++)
            {
                var measure = initiative.Measures[m];
                var mat = $"{at}.measures[{m}]";
                if (measure.Number != m + 1)
                {
                    throw new ContentSeedException(file, $"{mat}.number", $"expected {m + 1} (sub-items are numbered (1), (2)… in order), found {measure.Number}");
                }

                if (string.IsNullOrWhiteSpace(measure.Method) && string.IsNullOrWhiteSpace(measure.Period) && string.IsNullOrWhiteSpace(measure.Target))
                {
                    throw new ContentSeedException(file, mat, "a sub-item needs a method, a period or a target");
                }

                for (var k = 0; k < measure.Kpis.Count; k++)
                {
                    var kpi = measure.Kpis[k];
                    var kat = $"{mat}.kpis[{k}]";
                    RequireSlug(file, $"{kat}.key", kpi.Key);
                    Require(file, $"{kat}.label", kpi.Label);
                    Require(file, $"{kat}.unit", kpi.Unit);
                    if (kpi.Target <= 0)
                    {
                        throw new ContentSeedException(file, $"{kat}.target", "must be greater than 0");
                    }
                }
            }
        }

        var keys = content.Initiatives.SelectMany(i => i.Measures).SelectMany(m => m.Kpis).Select(k => k.Key).ToList();
        var duplicate = keys.GroupBy(k => k).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ContentSeedException(file, "kpis.key", $"the KPI key '{duplicate.Key}' is used twice in this goal");
        }
    }

    private static void CheckGoalListsMatchFiles(IReadOnlyList<(string File, DepartmentSeedFile Value)> departments, IReadOnlyList<(string File, GoalSeedFile Value)> goals)
    {
        foreach (var (file, department) in departments)
        {
            for (var i = 0; i < department.FiscalYears.Count; i++)
            {
                var year = department.FiscalYears[i];
                foreach (var slug in year.Goals)
                {
                    if (!goals.Any(g => g.Value.Department == department.Slug && g.Value.Year == year.Year && g.Value.Slug == slug))
                    {
                        throw new ContentSeedException(file, $"fiscalYears[{i}].goals", $"lists '{slug}' but there is no goal file goals/{department.Slug}/{year.Slug}/{slug}.json");
                    }
                }
            }
        }

        foreach (var (file, goal) in goals)
        {
            var year = departments.Select(d => d.Value).First(d => d.Slug == goal.Department).FiscalYears.First(y => y.Year == goal.Year);
            if (!year.Goals.Contains(goal.Slug))
            {
                throw new ContentSeedException(file, "slug", $"'{goal.Slug}' is not listed in the department file's fiscalYears goals for {goal.Year}");
            }
        }
    }

    private static void Duplicates(IEnumerable<(string File, string Key)> items, string field, string problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, key) in items)
        {
            if (!seen.Add(key))
            {
                throw new ContentSeedException(file, field, problem);
            }
        }
    }

    private static void Require(string file, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ContentSeedException(file, field, "must not be empty");
        }
    }

    private static void RequireSlug(string file, string field, string? value)
    {
        if (!SlugRule.IsValid(value))
        {
            throw new ContentSeedException(file, field, $"'{value}' is not a slug (lower-case a-z, 0-9 and single hyphens, at most 80 characters)");
        }
    }

    private static string Relative(string root, string path) =>
        Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(root)), Path.GetRelativePath(root, path)).Replace('\\', '/');

    private static string FirstSentence(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        var pathAt = line.IndexOf(" Path '", StringComparison.Ordinal);
        return (pathAt > 0 ? line[..pathAt] : line).Trim();
    }
}

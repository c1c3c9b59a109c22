using System.Globalization;

namespace UedaPublicGoals.Backoffice.ContentTree;

/// <summary>
/// The tree's plain links (no JavaScript) on the page at <paramref name="Path"/>, the dashboard or the structure page:
/// opening, closing and paging keep the department filter, and a link that opens a year needs no department page
/// (the tree shows the page holding that year).
/// </summary>
public sealed record TreeLinks(string Path, TreeDepartmentPage Departments, TreeLayout Layout)
{
    public const string DashboardPath = "/backoffice/";

    public const string StructurePath = "/backoffice/structure";

    public static TreeLinks Dashboard(ContentTree tree) => new(DashboardPath, tree.DepartmentPage, tree.Layout);

    public static TreeLinks Structure(ContentTree tree) => new(StructurePath, tree.DepartmentPage, tree.Layout);

    public string Open(int yearId, int page = 1) => Build(Path, ("open", Number(yearId)), ("page", PageAfterFirst(page)), ("q", Departments.Filter)) + $"#year-{Number(yearId)}";

    /// <summary>Closes every year and stays on this page of departments.</summary>
    public string Close(int yearId) =>
        Build(Path, ("open", "0"), ("q", Departments.Filter), ("departmentPage", PageAfterFirst(Departments.Page))) + $"#year-{Number(yearId)}";

    public string DepartmentPage(int number) => Build(Path, ("q", Departments.Filter), ("departmentPage", Number(number)));

    public TreePager DepartmentPager => new("部局のページ", Departments.Page, Departments.PageCount,
        Departments.Page > 1 ? DepartmentPage(Departments.Page - 1) : null,
        Departments.Page < Departments.PageCount ? DepartmentPage(Departments.Page + 1) : null,
        $"前の{Layout.DepartmentsPerPage}部局", $"次の{Layout.DepartmentsPerPage}部局");

    public TreePager GoalPager(TreeDepartment department, TreeFiscalYear year) => new($"{department.Name} {year.Heading} の重点目標のページ", year.Page, year.PageCount,
        year.Page > 1 ? Open(year.Id, year.Page - 1) : null,
        year.Page < year.PageCount ? Open(year.Id, year.Page + 1) : null,
        $"前の{Layout.GoalsPerPage}件", $"次の{Layout.GoalsPerPage}件");

    /// <summary>A department on its (unfiltered) page of departments, e.g. after it moved or was renamed.</summary>
    public static string Department(string path, int departmentPage, int departmentId) =>
        Build(path, ("departmentPage", PageAfterFirst(departmentPage))) + $"#department-{Number(departmentId)}";

    /// <summary>A year opened, or one of its goals on the page of goals holding it (<paramref name="anchor"/>: the element to scroll to).</summary>
    public static string Year(string path, int yearId, int page, string anchor) =>
        Build(path, ("open", Number(yearId)), ("page", PageAfterFirst(page))) + $"#{anchor}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? PageAfterFirst(int page) => page > 1 ? Number(page) : null;

    private static string Build(string path, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}

/// <summary>Previous/next links of one paged list in the tree (a year's goals, the departments).</summary>
public sealed record TreePager(string Label, int Page, int PageCount, string? PreviousUrl, string? NextUrl, string PreviousText, string NextText);

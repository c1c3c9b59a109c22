using System.Globalization;

namespace UedaPublicGoals.Backoffice.ContentTree;

/// <summary>
/// The dashboard's plain links (no JavaScript): opening, closing and paging keep the department filter, and a
/// link that opens a year needs no department page (the tree shows the page holding that year).
/// </summary>
public sealed record DashboardLinks(TreeDepartmentPage Departments)
{
    public const string Path = "/backoffice/";

    public string Open(int yearId, int page = 1) =>
        Build(("open", Number(yearId)), ("page", page > 1 ? Number(page) : null), ("q", Departments.Filter)) + $"#year-{Number(yearId)}";

    /// <summary>Closes every year and stays on this page of departments.</summary>
    public string Close(int yearId) =>
        Build(("open", "0"), ("q", Departments.Filter), ("departmentPage", Departments.Page > 1 ? Number(Departments.Page) : null)) + $"#year-{Number(yearId)}";

    public string DepartmentPage(int number) =>
        Build(("q", Departments.Filter), ("departmentPage", Number(number)));

    public string? PreviousDepartmentPage => Departments.Page > 1 ? DepartmentPage(Departments.Page - 1) : null;

    public string? NextDepartmentPage => Departments.Page < Departments.PageCount ? DepartmentPage(Departments.Page + 1) : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Build(params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? Path : $"{Path}?{query}";
    }
}

/// <summary>Previous/next links of one paged list in the tree (a year's goals, the departments).</summary>
public sealed record TreePager(string Label, int Page, int PageCount, string? PreviousUrl, string? NextUrl, string PreviousText, string NextText);

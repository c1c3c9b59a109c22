using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Public.Listings;

/// <summary>
/// 部局一覧 (/bukyoku/, ?page=n): every department with its fiscal years and their counts, a page at a time. The
/// home page lists only the first departments and links here, so neither grows with the number of departments.
/// </summary>
public sealed record DepartmentDirectoryPage(IReadOnlyList<PublishedDepartment> All, PageNumbers Numbers, int Size)
{
    public const string Path = "/bukyoku/";

    public IEnumerable<PublishedDepartment> Departments => All.Skip(Paging.Offset(Numbers.Number, Size)).Take(Size);

    /// <summary>The page asked for, or null when the value is not one of its pages (the caller answers 404).</summary>
    public static DepartmentDirectoryPage? Parse(IReadOnlyList<PublishedDepartment> departments, string? page, int size) =>
        PageNumbers.Parse(Path, page, Paging.PageCount(departments.Count, size)) is { } numbers
            ? new DepartmentDirectoryPage(departments, numbers, size)
            : null;

    /// <summary>Every page's URL, the first as /bukyoku/ alone (for the sitemap).</summary>
    public static IEnumerable<string> PageUrls(int departmentCount, int size)
    {
        var first = new PageNumbers(Path, 1, Paging.PageCount(departmentCount, size));
        return Enumerable.Range(1, first.Count).Select(first.UrlFor);
    }
}

using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Redirects;

/// <summary>The public URL path of a document, built the same way as the read model builds it.</summary>
public static class PublicPaths
{
    public static string Goal(string departmentSlug, string yearSlug, string goalSlug) => $"/{departmentSlug}/{yearSlug}/{goalSlug}/";

    public static string Page(string slug) => $"/pages/{slug}";

    /// <summary>The path <paramref name="document"/> has (or would have) with <paramref name="slug"/> as its last segment.</summary>
    public static async Task<string> ForAsync(PortalDbContext db, ContentDocument document, string slug, CancellationToken ct = default)
    {
        if (document.Kind == DocumentKind.Page)
        {
            return Page(slug);
        }

        var year = await db.FiscalYears.AsNoTracking()
            .Where(y => y.Id == document.FiscalYearId)
            .Select(y => new { y.Slug, DepartmentSlug = y.Department!.Slug })
            .SingleAsync(ct);
        return Goal(year.DepartmentSlug, year.Slug, slug);
    }
}

using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.ReadModel;

/// <summary>
/// Holds the current <see cref="PublishedSite"/>. Rebuilt from the database after every
/// publish and swapped atomically, so readers never see half a rebuild.
/// </summary>
public sealed class PublishedContentCache(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublishedContentCache> logger)
{
    private readonly SemaphoreSlim rebuildLock = new(1, 1);
    private volatile PublishedSite current = PublishedSite.Empty;

    public PublishedSite Current => current;

    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await rebuildLock.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            current = await LoadAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            logger.LogInformation("Published read model rebuilt: {Goals} goals, {Pages} pages.", current.AllGoals.Count(), current.Pages.Count);
        }
        finally
        {
            rebuildLock.Release();
        }
    }

    internal static async Task<PublishedSite> LoadAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        // Anything in the recycle bin is off the public site, and so is everything under it.
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.DeletedUtc == null)
            .Include(d => d.FiscalYears.Where(y => y.DeletedUtc == null))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Slug)
            .ToListAsync(ct);
        var published = await (
            from d in db.Documents.AsNoTracking()
            join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.PublishedVersion!.Value } equals new { v.DocumentId, v.Number }
            where d.PublishedVersion != null && d.DeletedUtc == null
            select new { d.Id, d.Kind, d.FiscalYearId, d.Slug, d.SortOrder, d.PublishedUtc, v.Number, v.Json }).ToListAsync(ct);

        var goalsByYear = published.Where(p => p.Kind == DocumentKind.Goal).ToLookup(p => p.FiscalYearId);
        var result = new List<PublishedDepartment>();
        foreach (var department in departments)
        {
            var publishedDepartment = new PublishedDepartment(department.Slug, department.Name);
            foreach (var year in department.FiscalYears.OrderByDescending(y => y.Year))
            {
                var publishedYear = new PublishedFiscalYear(publishedDepartment, year.Year, year.Slug, year.Heading, new Reporting.ReportingCycle(year.Year, year.MidtermReportMonth, year.FinalReportMonth));
                publishedYear.Goals.AddRange(goalsByYear[year.Id]
                    .Select(g => new PublishedGoal(g.Id, publishedYear, g.Slug, g.Number, g.PublishedUtc ?? now, ContentJson.Deserialize<GoalContent>(g.Json)))
                    .OrderBy(g => g.Content.Priority)
                    .ThenBy(g => g.Slug, StringComparer.Ordinal));
                if (publishedYear.Goals.Count > 0)
                {
                    publishedDepartment.Years.Add(publishedYear);
                }
            }

            if (publishedDepartment.Years.Count > 0)
            {
                result.Add(publishedDepartment);
            }
        }

        var pages = published.Where(p => p.Kind == DocumentKind.Page)
            .Select(p => new PublishedPage(p.Id, p.Slug, p.SortOrder, p.Number, p.PublishedUtc ?? now, ContentJson.Deserialize<PageContent>(p.Json)))
            .OrderBy(p => p.SortOrder)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();
        return new PublishedSite(result, pages, now);
    }
}

/// <summary>Rebuilds the read model after each publish, before the output cache is evicted.</summary>
public sealed class RebuildReadModelOnPublish(PublishedContentCache cache) : IContentPublishedHandler
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken) =>
        cache.RebuildAsync(cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.ReadModel;

/// <summary>
/// Holds the current <see cref="PublishedSite"/>, swapped atomically so readers never see half an update.
/// After a publish only the documents whose published version changed are read and parsed again; the
/// parsed content of every other document is carried over (a version's JSON never changes).
/// </summary>
public sealed class PublishedContentCache(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublishedContentCache> logger)
{
    private readonly SemaphoreSlim updateLock = new(1, 1);
    private volatile PublishedSite current = PublishedSite.Empty;

    public PublishedSite Current => current;

    /// <summary>Reads everything again (start-up, tests).</summary>
    public Task RebuildAsync(CancellationToken ct = default) => LoadAsync(PublishedSite.Empty, "rebuilt", ct);

    /// <summary>Brings the snapshot up to the database, re-reading only changed published versions.</summary>
    public Task UpdateAsync(CancellationToken ct = default) => LoadAsync(null, "updated", ct);

    private async Task LoadAsync(PublishedSite? reuseFrom, string verb, CancellationToken ct)
    {
        await updateLock.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var (site, parsed) = await LoadAsync(db, reuseFrom ?? current, clock.GetUtcNow().UtcDateTime, ct);
            current = site;
            logger.LogInformation("Published read model {Verb}: {Goals} goals, {Pages} pages, {Parsed} documents read.", verb, site.GoalCount, site.Pages.Count, parsed);
        }
        finally
        {
            updateLock.Release();
        }
    }

    /// <summary>The published site as the database has it, reusing <paramref name="previous"/>'s parsed content where the version is the same.</summary>
    internal static async Task<(PublishedSite Site, int Parsed)> LoadAsync(PortalDbContext db, PublishedSite previous, DateTime now, CancellationToken ct)
    {
        // Anything in the recycle bin is off the public site, and so is everything under it.
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.DeletedUtc == null)
            .Include(d => d.FiscalYears.Where(y => y.DeletedUtc == null))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Slug)
            .ToListAsync(ct);
        var published = await db.Documents.AsNoTracking()
            .Where(d => d.PublishedVersion != null && d.DeletedUtc == null)
            .Select(d => new { d.Id, d.Kind, d.FiscalYearId, d.Slug, d.SortOrder, d.PublishedUtc, Number = d.PublishedVersion!.Value })
            .ToListAsync(ct);

        var reused = new Dictionary<Guid, object>();
        foreach (var p in published)
        {
            object? content = p.Kind == DocumentKind.Goal
                ? previous.FindGoal(p.Id) is { } goal && goal.Version == p.Number ? goal.Content : null
                : previous.FindPage(p.Id) is { } page && page.Version == p.Number ? page.Content : null;
            if (content is not null)
            {
                reused[p.Id] = content;
            }
        }

        var toRead = published.Where(p => !reused.ContainsKey(p.Id)).Select(p => p.Id).ToList();
        var json = toRead.Count == 0 ? [] : await (
            from d in db.Documents.AsNoTracking()
            join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.PublishedVersion!.Value } equals new { v.DocumentId, v.Number }
            where toRead.Contains(d.Id)
            select new { d.Id, v.Json }).ToDictionaryAsync(x => x.Id, x => x.Json, ct);

        T ContentOf<T>(Guid id) => reused.TryGetValue(id, out var content) ? (T)content : ContentJson.Deserialize<T>(json[id]);

        var goalsByYear = published.Where(p => p.Kind == DocumentKind.Goal).ToLookup(p => p.FiscalYearId);
        var result = new List<PublishedDepartment>();
        foreach (var department in departments)
        {
            var publishedDepartment = new PublishedDepartment(department.Slug, department.Name);
            foreach (var year in department.FiscalYears.OrderByDescending(y => y.Year))
            {
                var publishedYear = new PublishedFiscalYear(publishedDepartment, year.Year, year.Slug, year.Heading, new Reporting.ReportingCycle(year.Year, year.MidtermReportMonth, year.FinalReportMonth));
                publishedYear.Goals.AddRange(goalsByYear[year.Id]
                    .Select(g => new PublishedGoal(g.Id, publishedYear, g.Slug, g.Number, g.PublishedUtc ?? now, ContentOf<GoalContent>(g.Id)))
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
            .Select(p => new PublishedPage(p.Id, p.Slug, p.SortOrder, p.Number, p.PublishedUtc ?? now, ContentOf<PageContent>(p.Id)))
            .OrderBy(p => p.SortOrder)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();
        return (new PublishedSite(result, pages, now), json.Count);
    }
}

using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.ReadModel;

/// <summary>
/// Holds the current <see cref="PublishedSite"/>, swapped atomically so readers never see half an update.
/// After a publish only the batch's documents are read again, and only the departments they are in (or
/// were in) are put together again; every other department, with its years and goals, is the same object
/// in the new snapshot (see <see cref="PublishedSnapshotBuilder"/>).
/// </summary>
public sealed class PublishedContentCache(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublishedContentCache> logger)
{
    private readonly SemaphoreSlim updateLock = new(1, 1);
    private volatile PublishedSite current = PublishedSite.Empty;

    // What `current` was built from; read and replaced only under updateLock.
    private PublishedSnapshotState state = PublishedSnapshotState.Empty;

    // An update that failed left its batch out of `state`: the next one reads everything, so a batch the
    // dispatcher gave up retrying is still caught up by the next publish.
    private bool lastUpdateFailed;

    public PublishedSite Current => current;

    /// <summary>Reads everything again (start-up, tests).</summary>
    public Task RebuildAsync(CancellationToken ct = default) => LoadAsync(changedDocuments: null, "rebuilt", ct);

    /// <summary>
    /// Brings the snapshot up to the database after a committed change to <paramref name="changedDocuments"/>
    /// (a publish batch). Departments and fiscal years are always read again (they are few, and a structure
    /// change may rename them); documents outside the batch are taken from the previous snapshot.
    /// </summary>
    public Task UpdateAsync(IReadOnlyCollection<Guid> changedDocuments, CancellationToken ct = default) => LoadAsync(changedDocuments, "updated", ct);

    private async Task LoadAsync(IReadOnlyCollection<Guid>? changedDocuments, string verb, CancellationToken ct)
    {
        await updateLock.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var changed = lastUpdateFailed ? null : changedDocuments;
            lastUpdateFailed = true;
            var (next, counts) = await LoadAsync(db, state, changed, clock.GetUtcNow().UtcDateTime, ct);
            state = next;
            current = next.Site;
            lastUpdateFailed = false;
            logger.LogInformation(
                "Published read model {Verb}: {Goals} goals, {Pages} pages, {Rebuilt} of {Departments} departments put together, {Parsed} documents read.",
                verb, next.Site.GoalCount, next.Site.Pages.Count, counts.DepartmentsBuilt, next.Site.Departments.Count, counts.DocumentsRead);
        }
        finally
        {
            updateLock.Release();
        }
    }

    /// <summary>
    /// The published site as the database has it. With <paramref name="changedDocuments"/> null everything is
    /// read; otherwise only those documents, and <paramref name="previous"/> supplies the rest.
    /// </summary>
    internal static async Task<(PublishedSnapshotState State, PublishedSnapshotBuilder.Counts Counts)> LoadAsync(
        PortalDbContext db, PublishedSnapshotState previous, IReadOnlyCollection<Guid>? changedDocuments, DateTime now, CancellationToken ct)
    {
        // Anything in the recycle bin is off the public site, and so is everything under it.
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.DeletedUtc == null)
            .Include(d => d.FiscalYears.Where(y => y.DeletedUtc == null))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Slug)
            .ToListAsync(ct);

        var published = db.Documents.AsNoTracking().Where(d => d.PublishedVersion != null && d.DeletedUtc == null);
        if (changedDocuments is not null)
        {
            published = published.Where(d => changedDocuments.Contains(d.Id));
        }

        var rows = await published
            .Select(d => new PublishedRow(d.Id, d.Kind, d.FiscalYearId, d.Slug, d.SortOrder, d.PublishedUtc, d.PublishedVersion!.Value))
            .ToListAsync(ct);

        var builder = new PublishedSnapshotBuilder(previous, departments, rows, changedDocuments, now);
        var toRead = builder.DocumentsToRead();
        var json = toRead.Count == 0 ? [] : await (
            from d in db.Documents.AsNoTracking()
            join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.PublishedVersion!.Value } equals new { v.DocumentId, v.Number }
            where toRead.Contains(d.Id)
            select new { d.Id, v.Json }).ToDictionaryAsync(x => x.Id, x => x.Json, ct);

        return builder.Build(json);
    }
}

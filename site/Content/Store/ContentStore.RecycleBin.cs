using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;

namespace UedaPublicGoals.Content.Store;

/// <summary>A recycle-bin operation that cannot be done as asked; the message is Japanese, for staff.</summary>
public sealed class RecycleBinException(string message) : Exception(message);

/// <summary>What emptying the recycle bin removed for good.</summary>
public sealed record RecycleBinPurge(int Departments, int FiscalYears, int Documents, int Versions);

/// <summary>
/// The recycle bin for departments, fiscal years, goals and pages. Deleting only sets
/// DeletedUtc, so a restore puts the thing back exactly where it was; anything under a
/// deleted department or year is off the public site with it (the read model skips the
/// whole branch). Audit entries and outbox rows commit in the same SaveChanges as the change,
/// and the published documents that appear or disappear are announced as one batch.
/// </summary>
public sealed partial class ContentStore
{
    public static string DepartmentTarget(int id) => $"department:{id}";

    public static string FiscalYearTarget(int id) => $"fiscal-year:{id}";

    public static string DocumentTarget(DocumentKind kind, Guid id) => $"{kind.ToString().ToLowerInvariant()}:{id}";

    public async Task MoveToRecycleBinAsync(Guid documentId, string user, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        if (document.DeletedUtc is not null)
        {
            return;
        }

        document.DeletedUtc = clock.GetUtcNow().UtcDateTime;

        // An editor still holding the document open must not save over a deleted one unnoticed.
        document.ConcurrencyStamp = Guid.NewGuid();
        Audit(user, AuditActions.ContentDelete, document, "ごみ箱へ移動");
        await unitOfWork.CommitAsync(document.PublishedVersion is null ? [] : [documentId], ct);
    }

    /// <exception cref="RecycleBinException">The goal's fiscal year or department is itself in the recycle bin.</exception>
    public async Task RestoreAsync(Guid documentId, string user, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        if (document.DeletedUtc is null)
        {
            return;
        }

        if (document.FiscalYearId is { } fiscalYearId)
        {
            var year = await db.FiscalYears.Include(y => y.Department).SingleAsync(y => y.Id == fiscalYearId, ct);
            if (year.Department!.DeletedUtc is not null)
            {
                throw new RecycleBinException($"元の場所の部局「{year.Department.Name}」がごみ箱にあります。先に部局を元に戻してください。");
            }

            if (year.DeletedUtc is not null)
            {
                throw new RecycleBinException($"元の場所の「{year.Department.Name} {year.Heading}」がごみ箱にあります。先に年度を元に戻してください。");
            }
        }

        document.DeletedUtc = null;
        document.ConcurrencyStamp = Guid.NewGuid();
        Audit(user, AuditActions.ContentRestore, document, "ごみ箱から元の場所へ戻す");
        await unitOfWork.CommitAsync(document.PublishedVersion is null ? [] : [documentId], ct);
    }

    public async Task MoveDepartmentToRecycleBinAsync(int departmentId, string user, CancellationToken ct = default)
    {
        var department = await db.Departments.SingleAsync(d => d.Id == departmentId, ct);
        if (department.DeletedUtc is not null)
        {
            return;
        }

        var affected = await VisiblePublishedDocumentsAsync(db.FiscalYears.Where(y => y.DepartmentId == departmentId && y.DeletedUtc == null).Select(y => y.Id), ct);
        department.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        AuditStructure(user, AuditActions.ContentDelete, DepartmentTarget(departmentId), $"部局「{department.Name}」をごみ箱へ移動");
        await unitOfWork.CommitAsync(affected, ct);
    }

    public async Task RestoreDepartmentAsync(int departmentId, string user, CancellationToken ct = default)
    {
        var department = await db.Departments.SingleAsync(d => d.Id == departmentId, ct);
        if (department.DeletedUtc is null)
        {
            return;
        }

        // The documents the restore brings back do not depend on the department's own flag.
        var affected = await VisiblePublishedDocumentsAsync(db.FiscalYears.Where(y => y.DepartmentId == departmentId && y.DeletedUtc == null).Select(y => y.Id), ct);
        department.DeletedUtc = null;
        AuditStructure(user, AuditActions.ContentRestore, DepartmentTarget(departmentId), $"部局「{department.Name}」を元に戻す");
        await unitOfWork.CommitAsync(affected, ct);
    }

    public async Task MoveFiscalYearToRecycleBinAsync(int fiscalYearId, string user, CancellationToken ct = default)
    {
        var year = await db.FiscalYears.Include(y => y.Department).SingleAsync(y => y.Id == fiscalYearId, ct);
        if (year.DeletedUtc is not null)
        {
            return;
        }

        var affected = year.Department!.DeletedUtc is null ? await VisiblePublishedDocumentsAsync(db.FiscalYears.Where(y => y.Id == fiscalYearId).Select(y => y.Id), ct) : [];
        year.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        AuditStructure(user, AuditActions.ContentDelete, FiscalYearTarget(fiscalYearId), $"「{year.Department.Name} {year.Heading}」をごみ箱へ移動");
        await unitOfWork.CommitAsync(affected, ct);
    }

    /// <exception cref="RecycleBinException">The year's department is in the recycle bin.</exception>
    public async Task RestoreFiscalYearAsync(int fiscalYearId, string user, CancellationToken ct = default)
    {
        var year = await db.FiscalYears.Include(y => y.Department).SingleAsync(y => y.Id == fiscalYearId, ct);
        if (year.DeletedUtc is null)
        {
            return;
        }

        if (year.Department!.DeletedUtc is not null)
        {
            throw new RecycleBinException($"元の場所の部局「{year.Department.Name}」がごみ箱にあります。先に部局を元に戻してください。");
        }

        var affected = await VisiblePublishedDocumentsAsync(db.FiscalYears.Where(y => y.Id == fiscalYearId).Select(y => y.Id), ct);
        year.DeletedUtc = null;
        AuditStructure(user, AuditActions.ContentRestore, FiscalYearTarget(fiscalYearId), $"「{year.Department.Name} {year.Heading}」を元に戻す");
        await unitOfWork.CommitAsync(affected, ct);
    }

    /// <summary>
    /// Permanently deletes everything in the recycle bin, and everything under a deleted
    /// department or year, with all versions. One transaction: all of it or none.
    /// </summary>
    public async Task<RecycleBinPurge> EmptyRecycleBinAsync(string user, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var departmentIds = await db.Departments.Where(d => d.DeletedUtc != null).Select(d => d.Id).ToListAsync(ct);
            var yearIds = await db.FiscalYears.Where(y => y.DeletedUtc != null || departmentIds.Contains(y.DepartmentId)).Select(y => y.Id).ToListAsync(ct);
            var documents = await db.Documents
                .Where(d => d.DeletedUtc != null || (d.FiscalYearId != null && yearIds.Contains(d.FiscalYearId.Value)))
                .Select(d => new { d.Id, d.Kind, d.DeletedUtc })
                .ToListAsync(ct);
            var documentIds = documents.Select(d => d.Id).ToList();

            // Record what goes before it goes: top-level bin items only, the rest went with them.
            foreach (var department in await db.Departments.Where(d => departmentIds.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            {
                AuditStructure(user, AuditActions.ContentDelete, DepartmentTarget(department.Id), $"部局「{department.Name}」をごみ箱から完全に削除（年度・重点目標・版を含む）");
            }

            foreach (var year in await db.FiscalYears.Where(y => y.DeletedUtc != null && !departmentIds.Contains(y.DepartmentId)).Select(y => new { y.Id, y.Heading, Department = y.Department!.Name }).ToListAsync(ct))
            {
                AuditStructure(user, AuditActions.ContentDelete, FiscalYearTarget(year.Id), $"「{year.Department} {year.Heading}」をごみ箱から完全に削除（重点目標・版を含む）");
            }

            foreach (var document in documents.Where(d => d.DeletedUtc is not null))
            {
                AuditStructure(user, AuditActions.ContentDelete, DocumentTarget(document.Kind, document.Id), "ごみ箱から完全に削除（すべての版を含む）");
            }

            await db.SaveChangesAsync(ct);

            var versions = await db.Versions.Where(v => documentIds.Contains(v.DocumentId)).ExecuteDeleteAsync(ct);
            await db.ApprovalRequests.Where(a => documentIds.Contains(a.DocumentId)).ExecuteDeleteAsync(ct);
            var documentCount = await db.Documents.Where(d => documentIds.Contains(d.Id)).ExecuteDeleteAsync(ct);
            var yearCount = await db.FiscalYears.Where(y => yearIds.Contains(y.Id)).ExecuteDeleteAsync(ct);
            await db.UserDepartments.Where(u => departmentIds.Contains(u.DepartmentId)).ExecuteDeleteAsync(ct);
            var departmentCount = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return new RecycleBinPurge(departmentCount, yearCount, documentCount, versions);
        });
    }

    /// <summary>Published documents of the given years that the public site shows (or would show) as things stand.</summary>
    private async Task<List<Guid>> VisiblePublishedDocumentsAsync(IQueryable<int> fiscalYearIds, CancellationToken ct) =>
        await db.Documents
            .Where(d => d.FiscalYearId != null && fiscalYearIds.Contains(d.FiscalYearId.Value) && d.DeletedUtc == null && d.PublishedVersion != null)
            .Select(d => d.Id)
            .ToListAsync(ct);

    private void AuditStructure(string user, string action, string target, string detail) =>
        audit.Add(action, target, detail, actor: user);
}

using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Seed;

public sealed record SeedImportResult(int DepartmentsAdded, int FiscalYearsAdded, int GoalsAdded, int PagesAdded)
{
    public int Total => DepartmentsAdded + FiscalYearsAdded + GoalsAdded + PagesAdded;
}

/// <summary>
/// Imports a validated content seed. Idempotent: each item is imported once, ever (recorded in
/// SeedImports), so staff edits, renames and deletions survive restarts and a second start adds
/// nothing. An item whose slug already exists is recorded and left alone. All or nothing: one
/// transaction.
/// </summary>
public sealed class ContentSeedImporter(PortalDbContext db, ContentStore store, TimeProvider clock)
{
    public const string ImportUser = "content-seed";

    public async Task<SeedImportResult> ImportAsync(ContentSeed seed, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await ImportInTransactionAsync(seed, ct);
            await transaction.CommitAsync(ct);
            return result;
        });
    }

    private async Task<SeedImportResult> ImportInTransactionAsync(ContentSeed seed, CancellationToken ct)
    {
        int departmentsAdded = 0, yearsAdded = 0, goalsAdded = 0, pagesAdded = 0;
        var yearIds = new Dictionary<(string Department, int Year), int>();

        var imported = (await db.SeedImports.Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        bool FirstTime(string key)
        {
            if (!imported.Add(key))
            {
                return false;
            }

            db.SeedImports.Add(new SeedImportRecord { Key = key, ImportedUtc = clock.GetUtcNow().UtcDateTime });
            return true;
        }

        foreach (var file in seed.Departments)
        {
            var firstTime = FirstTime($"department:{file.Slug}");
            var department = await db.Departments.Include(d => d.FiscalYears).SingleOrDefaultAsync(d => d.Slug == file.Slug, ct);
            if (department is null && !firstTime)
            {
                // Imported before and since renamed or removed by staff: leave it, and what was under it.
                await db.SaveChangesAsync(ct);
                continue;
            }

            if (department is null)
            {
                department = new Department { Slug = file.Slug, Name = file.Name, SortOrder = file.SortOrder };
                db.Departments.Add(department);
                departmentsAdded++;
            }

            foreach (var yearFile in file.FiscalYears.Where(y => FirstTime($"year:{file.Slug}/{y.Year}") && department.FiscalYears.All(existing => existing.Year != y.Year)))
            {
                department.FiscalYears.Add(new FiscalYear { Year = yearFile.Year, Slug = yearFile.Slug, Heading = yearFile.Heading, MidtermReportMonth = yearFile.MidtermReportMonth, FinalReportMonth = yearFile.FinalReportMonth });
                yearsAdded++;
            }

            await db.SaveChangesAsync(ct);
            foreach (var year in department.FiscalYears)
            {
                yearIds[(department.Slug, year.Year)] = year.Id;
            }
        }

        foreach (var goal in seed.Goals)
        {
            if (!FirstTime($"goal:{goal.Department}/{goal.Year}/{goal.Slug}") || !yearIds.TryGetValue((goal.Department, goal.Year), out var fiscalYearId))
            {
                continue;
            }

            var scope = ContentDocument.GoalScope(fiscalYearId);
            if (!await db.Documents.AnyAsync(d => d.Scope == scope && d.Slug == goal.Slug, ct))
            {
                await store.AddDocumentAsync(DocumentKind.Goal, fiscalYearId, goal.Slug, goal.Content.Priority, goal.Content, ImportUser, publish: true, ct);
                await db.SaveChangesAsync(ct);

                // Saved: nothing needs to stay tracked, so each goal costs the same however many came before.
                db.ChangeTracker.Clear();
                goalsAdded++;
            }
        }

        foreach (var page in seed.Pages)
        {
            if (FirstTime($"page:{page.Slug}") && !await db.Documents.AnyAsync(d => d.Scope == ContentDocument.PageScope && d.Slug == page.Slug, ct))
            {
                await store.AddDocumentAsync(DocumentKind.Page, null, page.Slug, page.SortOrder, page.Content, ImportUser, publish: true, ct);
                await db.SaveChangesAsync(ct);
                pagesAdded++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new SeedImportResult(departmentsAdded, yearsAdded, goalsAdded, pagesAdded);
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>The portal with uploads kept in the test's own folder, plus helpers the administration tests share.</summary>
public sealed class AdminPortal : PortalFactory
{
    public string MediaDirectory => Path.Combine(WorkDirectory, "media");

    /// <summary>Extra configuration for this portal, e.g. ["Media:UploadsPerHour"] = "2".</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Media:StoragePath", MediaDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Task<BackofficeSession> AdminAsync() => BackofficeSession.LogInAsync(this, AdminEmail, AdminPassword!);

    public async Task<BackofficeSession> SessionAsync(string role, params int[] departmentIds) =>
        await BackofficeSession.LogInAsync(this, await BackofficeSession.CreateUserAsync(this, role, null, departmentIds));

    /// <summary>A seeded 政策企画部 令和6年度 goal.</summary>
    public Guid GoalId(string slug) => ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal(slug)!.DocumentId;

    public Guid PageId(string slug) => ReadModel.Current.FindPage(slug)!.DocumentId;

    public Task<int> SeisakuKikakuIdAsync() => QueryAsync(db => db.Departments.Where(d => d.Slug == "seisaku-kikaku").Select(d => d.Id).SingleAsync());

    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task<List<AuditEntry>> AuditAsync() => QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    /// <summary>A second department with one published goal, for checks across department boundaries.</summary>
    public async Task<(int DepartmentId, Guid GoalId)> AddDepartmentWithGoalAsync(string slug = "kenko-fukushi", string name = "健康こども未来部")
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var department = new Department { Slug = slug, Name = name, SortOrder = 10, FiscalYears = [new FiscalYear { Year = 2024, Slug = "r6", Heading = "令和6年度 重点目標" }] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        var goal = new GoalContent
        {
            Title = "子育て支援の充実",
            Priority = 1,
            Initiatives = [new Initiative { Number = 1, Title = "相談窓口の拡充", Measures = [new Measure { Number = 1, Method = "窓口の増設", Target = "3か所" }] }],
        };
        var document = await store.AddDocumentAsync(DocumentKind.Goal, department.FiscalYears[0].Id, "kosodate", 1, goal, "test", publish: true, default);
        await db.SaveChangesAsync();
        await ReadModel.RebuildAsync();
        return (department.Id, document.Id);
    }
}

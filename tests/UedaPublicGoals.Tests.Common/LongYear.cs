using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Tests.Common;

/// <summary>
/// A 令和7年度 under the seed's 政策企画部 holding many draft goals (試験用の重点目標001 …, in that order): the newest
/// year of the first department, which the backoffice tree opens by default, longer than one page of goals.
/// </summary>
public static class LongYear
{
    public static string Title(int number) => $"試験用の重点目標{number:D3}";

    /// <returns>The year's id.</returns>
    public static async Task<int> AddAsync(IServiceProvider services, int goals)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var departmentId = await db.Departments.Where(d => d.Slug == "seisaku-kikaku").Select(d => d.Id).SingleAsync();
        var year = new FiscalYear { DepartmentId = departmentId, Year = 2025, Slug = "r7", Heading = "令和7年度" };
        db.FiscalYears.Add(year);
        await db.SaveChangesAsync();
        for (var n = 1; n <= goals; n++)
        {
            await store.CreateAsync(DocumentKind.Goal, year.Id, new DocumentPlacement($"goal-{n:D3}", n), new GoalContent { Title = Title(n), Priority = n }, "test");
        }

        return year.Id;
    }
}

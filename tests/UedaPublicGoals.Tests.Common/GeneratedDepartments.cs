using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Tests.Common;

/// <summary>
/// Many departments after the seed's own (第1部 /bu-001/ …, in that order), as a city with many of them would
/// have: each with 令和6年度 and every second one also 令和5年度, one goal a year, published in one batch when asked.
/// </summary>
public static class GeneratedDepartments
{
    public static string Slug(int number) => $"bu-{number:000}";

    public static string Name(int number) => $"第{number}部";

    /// <param name="first">Number of the first department (第{first}部), to add more after an earlier call.</param>
    /// <returns>The generated departments' slugs, in the order the site lists them.</returns>
    public static async Task<IReadOnlyList<string>> AddAsync(IServiceProvider services, int count, bool publish, int first = 1)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var departments = Enumerable.Range(first, count).Select(n => new Department
        {
            Slug = Slug(n),
            Name = Name(n),
            SortOrder = 100 + n,
            FiscalYears = n % 2 == 0
                ? [new FiscalYear { Year = 2024, Slug = "r6", Heading = "令和6年度 重点目標" }, new FiscalYear { Year = 2023, Slug = "r5", Heading = "令和5年度 重点目標" }]
                : [new FiscalYear { Year = 2024, Slug = "r6", Heading = "令和6年度 重点目標" }],
        }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync();

        if (publish)
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var goals = new List<Guid>();
            foreach (var department in departments)
            {
                foreach (var year in department.FiscalYears)
                {
                    var content = new GoalContent { Title = $"{department.Name}の{year.Heading}の重点目標", Priority = 1 };
                    goals.Add((await store.CreateAsync(DocumentKind.Goal, year.Id, new DocumentPlacement("mokuhyo", 1), content, "test")).Id);
                }
            }

            await store.PublishTogetherAsync(goals, "test");
            // The departments were added beside the editor, not through it: read everything again.
            await services.GetRequiredService<PublishedContentCache>().RebuildAsync();
        }

        return departments.Select(d => d.Slug).ToList();
    }
}

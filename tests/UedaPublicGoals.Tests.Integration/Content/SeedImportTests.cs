using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Seed;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Content;

public sealed class SeedImportTests
{
    internal static async Task<(int Departments, int Years, int Documents, int Versions)> CountRowsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.Departments.CountAsync(), await db.FiscalYears.CountAsync(), await db.Documents.CountAsync(), await db.Versions.CountAsync());
    }

    [Fact]
    public async Task Importing_the_seed_twice_adds_nothing_the_second_time()
    {
        using var portal = new PortalFactory();
        _ = portal.Services; // first start imports
        var first = await CountRowsAsync(portal.Services);
        Assert.Equal((1, 1, 7, 7), first);

        using (var scope = portal.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ContentSeedImporter>().ImportAsync(ContentSeedReader.Read(RepositoryPaths.ContentSeed));
            Assert.Equal(0, result.Total);
        }

        Assert.Equal(first, await CountRowsAsync(portal.Services));
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing()
    {
        using var first = new PortalFactory();
        _ = first.Services;
        var counts = await CountRowsAsync(first.Services);

        using var second = new SameDatabasePortal(first.SqliteConnectionString);
        _ = second.Services;
        Assert.Equal(counts, await CountRowsAsync(second.Services));
        Assert.Equal(4, second.ReadModel.Current.AllGoals.Count());
    }

    [Fact]
    public async Task A_seeded_goal_that_staff_renamed_is_not_imported_again_at_the_next_start()
    {
        using var first = new PortalFactory();
        using (var scope = first.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var koho = await db.Documents.SingleAsync(d => d.Slug == "koho");
            koho.Slug = "koho-r6";
            await db.SaveChangesAsync();
        }

        var counts = await CountRowsAsync(first.Services);
        using var second = new SameDatabasePortal(first.SqliteConnectionString);
        _ = second.Services;
        Assert.Equal(counts, await CountRowsAsync(second.Services));
        var year = second.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!;
        Assert.Null(year.FindGoal("koho"));
        Assert.NotNull(year.FindGoal("koho-r6"));
    }

    [Fact]
    public async Task A_malformed_seed_file_stops_start_up_with_one_line_and_imports_nothing()
    {
        var seed = CopySeed();
        var goalFile = Path.Combine(seed, "goals", "seisaku-kikaku", "r6", "koho.json");
        File.WriteAllText(goalFile, File.ReadAllText(goalFile).Replace("\"priority\": 4", "\"priority\": \"四位\""));

        using var portal = new PortalFactory { SeedPath = seed };
        var error = Assert.Throws<ContentSeedException>(() => portal.Services);
        Assert.Equal("content-seed/goals/seisaku-kikaku/r6/koho.json", error.File);
        Assert.Equal("content.priority", error.Field);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("content-seed error: content-seed/goals/seisaku-kikaku/r6/koho.json: content.priority: ", error.Message);

        using var inspect = new SameDatabasePortal(portal.SqliteConnectionString, importSeed: false);
        Assert.Equal((0, 0, 0, 0), await CountRowsAsync(inspect.Services));
    }

    [Theory]
    [InlineData("\"title\": \"総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進\"", "\"title\": \"  \"", "content.title", "must not be empty")]
    [InlineData("\"slug\": \"koho\"", "\"slug\": \"Koho Page\"", "slug", "is not a slug")]
    [InlineData("\"key\": \"line-friends\"", "\"key\": \"line-friends\", \"colour\": \"red\"", "content.initiatives[0].measures[2].kpis[0].colour", "Could not find member 'colour'")]
    [InlineData("\"number\": 2,\n        \"title\": \"市民に伝わる", "\"number\": 5,\n        \"title\": \"市民に伝わる", "content.initiatives[1].number", "expected 2")]
    public void Seed_errors_name_the_file_and_the_field(string find, string replace, string field, string problem)
    {
        var seed = CopySeed();
        var goalFile = Path.Combine(seed, "goals", "seisaku-kikaku", "r6", "koho.json");
        var original = File.ReadAllText(goalFile).ReplaceLineEndings("\n");
        Assert.Contains(find, original);
        File.WriteAllText(goalFile, original.Replace(find, replace));

        var error = Assert.Throws<ContentSeedException>(() => ContentSeedReader.Read(seed));
        Assert.Equal("content-seed/goals/seisaku-kikaku/r6/koho.json", error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void A_goal_file_not_listed_by_its_department_is_an_error()
    {
        var seed = CopySeed();
        var original = File.ReadAllText(Path.Combine(seed, "goals", "seisaku-kikaku", "r6", "koho.json"));
        File.WriteAllText(Path.Combine(seed, "goals", "seisaku-kikaku", "r6", "koho-copy.json"), original.Replace("\"slug\": \"koho\"", "\"slug\": \"koho-copy\""));
        var error = Assert.Throws<ContentSeedException>(() => ContentSeedReader.Read(seed));
        Assert.Equal("content-seed/goals/seisaku-kikaku/r6/koho-copy.json", error.File);
    }

    private static string CopySeed()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("ueda-seed-").FullName, "content-seed");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.ContentSeed, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(RepositoryPaths.ContentSeed, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        // The error tests edit a goal whose content is written out (a goal without a sheet); every seed goal
        // is now read from its sheet, so koho is given in that form from a fixture (the same words).
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "seed-goal-written-out.json"), Path.Combine(target, "goals", "seisaku-kikaku", "r6", "koho.json"), overwrite: true);
        return target;
    }

    /// <summary>A second site process on an existing SQLite file.</summary>
    private sealed class SameDatabasePortal(string connectionString, bool importSeed = true) : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:ConnectionString", connectionString);
            builder.UseSetting("Content:ImportSeedOnStart", importSeed ? "true" : "false");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Seed;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Infrastructure.Startup;

/// <summary>Start-up work that must finish before the first request: migrate, seed, warm the read model.</summary>
public static class PortalInitializer
{
    public static async Task InitializePortalAsync(this WebApplication app, CancellationToken ct = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("UedaPublicGoals.Startup");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // Nodes starting together on one PostgreSQL database take turns from here to the feedback seed.
            await using var startupLock = await StartupLock.AcquireAsync(db, logger, ct);
            await db.Database.MigrateWhenBehindAsync(ct);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers carry on while a comment or a publish commits;
                // the setting is stored in the database file, so every later connection uses it.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAsync(ct);

            var options = scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value;
            if (options.ImportSeedOnStart)
            {
                var seedPath = options.ResolveSeedPath(app.Environment.ContentRootPath);
                var seed = ContentSeedReader.Read(seedPath);
                var result = await scope.ServiceProvider.GetRequiredService<ContentSeedImporter>().ImportAsync(seed, ct);
                logger.LogInformation(
                    "Content seed {Path}: added {Departments} departments, {Years} fiscal years, {Goals} goals, {Pages} pages.",
                    seedPath, result.DepartmentsAdded, result.FiscalYearsAdded, result.GoalsAdded, result.PagesAdded);
                await Japanese.JapaneseSeed.ImportAsync(db, seedPath, DateTime.UtcNow, ct);
            }

            await Feedback.FeedbackExtensions.InitializeFeedbackAsync(app.Services, ct);
        }

        await app.Services.GetRequiredService<PublishedContentCache>().RebuildAsync(ct);
        await app.Services.GetRequiredService<Japanese.JapaneseTextState>().ReloadAsync(ct: ct);
    }
}

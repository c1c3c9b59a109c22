using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Seed;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Content;

/// <summary>The PostgreSQL migrations and the seed import on a real server started by the fixture.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresContentTests(PostgresServer postgres)
{
    [Fact]
    public async Task Migrations_and_seed_import_run_on_PostgreSQL_and_the_site_serves_from_it()
    {
        using var portal = new PortalFactory { PostgresConnectionString = postgres.ConnectionStringFor("portal_seed") };
        var client = portal.CreatePublicClient();

        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.IsType<PostgresPortalDbContext>(db);
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal((1, 1, 7, 7), await SeedImportTests.CountRowsAsync(portal.Services));

            var again = await scope.ServiceProvider.GetRequiredService<ContentSeedImporter>().ImportAsync(ContentSeedReader.Read(RepositoryPaths.ContentSeed));
            Assert.Equal(0, again.Total);
        }

        var (response, html) = await HtmlText.GetAsync(client, "/seisaku-kikaku/r6/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SourceSheets.GoalTitles(), HtmlText.Parse(html).QuerySelectorAll(".card__title a").Select(a => a.TextContent.Trim()));

        // A draft and a publish round-trip through PostgreSQL too.
        var id = portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.SpecialNotes.CitizenParticipation = "PostgreSQLで保存した特記事項";
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });
        Assert.Contains("PostgreSQLで保存した特記事項", await client.GetStringAsync("/seisaku-kikaku/r6/koho/"));
    }
}

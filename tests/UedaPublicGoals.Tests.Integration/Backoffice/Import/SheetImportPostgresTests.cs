using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Backoffice.Import.SheetUploads;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Import;

/// <summary>The import's session table, transaction and year creation on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SheetImportPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_workbook_creates_its_year_and_drafts_in_one_transaction_on_PostgreSQL()
    {
        using var portal = new AdminPortal { PostgresConnectionString = postgres.ConnectionStringFor("portal_import"), SeedPath = SheetImportTests.SeedWithDepartmentOnly() };
        var admin = await portal.AdminAsync();

        // The same sheets a year later: the department has no 令和7年度 yet, the import creates it.
        var nextYear = Encoding.UTF8.GetBytes(TextExport.Replace("令和6年度", "令和7年度"));
        var preview = await PreviewPathAsync(admin, nextYear, "r7.txt");
        Assert.Contains("年度「令和7年度」も作成します", HtmlText.MainText(await admin.Client.GetStringAsync(preview)));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, preview)).StatusCode);

        var years = await portal.QueryAsync(db => db.FiscalYears.OrderBy(y => y.Year).Select(y => new { y.Year, y.Slug, y.Heading }).ToListAsync());
        Assert.Equal([(2024, "r6", "令和6年度 重点目標"), (2025, "r7", "令和7年度 重点目標")], years.Select(y => (y.Year, y.Slug, y.Heading)));
        var goals = await portal.QueryAsync(db => db.Documents.Where(d => d.Kind == DocumentKind.Goal).Select(d => new { d.Slug, d.PublishedVersion }).ToListAsync());
        Assert.Equal(4, goals.Count);
        Assert.All(goals, g => Assert.Null(g.PublishedVersion));
        Assert.Equal(0, await portal.QueryAsync(db => db.ImportSessions.CountAsync()));

        // A second upload of the same sheets with a report: only that goal gets a new version.
        var reported = SheetImportTests.FillCell(Encoding.UTF8.GetString(nextYear), "②\t○ 市民に伝わる情報発信への取組", 4, "【達成】職員の情報発信力を強化するための研修会を実施(2回)した。");
        var versions = await portal.QueryAsync(db => db.Versions.CountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, await PreviewPathAsync(admin, Encoding.UTF8.GetBytes(reported), "r7.txt"))).StatusCode);
        Assert.Equal(versions + 1, await portal.QueryAsync(db => db.Versions.CountAsync()));
        var koho = await portal.QueryAsync(db => (from d in db.Documents
                                                   join v in db.Versions on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
                                                   where d.Slug == "4"
                                                   select v.Json).SingleAsync());
        var initiative = ContentJson.Deserialize<GoalContent>(koho).Initiatives[1];
        Assert.Equal(ProgressStatus.Achieved, initiative.MidtermReport!.Status);
        Assert.Equal([2m], initiative.Measures[0].Kpis.Single().Measurements.Select(m => m.Value));
    }
}

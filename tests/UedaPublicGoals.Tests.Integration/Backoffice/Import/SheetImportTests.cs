using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Seed;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Backoffice.Import.SheetUploads;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Import;

/// <summary>取り込み through the real pipeline: preview, confirm, drafts only, re-import of reports, export round trip.</summary>
public sealed class SheetImportTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Theory]
    [InlineData("workbook")]
    [InlineData("text")]
    public async Task The_four_seed_sheets_read_as_the_seeded_goals_so_the_preview_shows_no_change_and_confirming_writes_nothing(string kind)
    {
        var admin = await portal.AdminAsync();
        var before = await StateAsync(portal);
        var bytes = kind == "workbook" ? File.ReadAllBytes(WorkbookFile) : Encoding.UTF8.GetBytes(TextExport);
        var preview = await PreviewPathAsync(admin, bytes, kind == "workbook" ? "seisaku-kikaku-r6.xlsx" : "export.txt");

        var page = HtmlText.MainText(await admin.Client.GetStringAsync(preview));
        Assert.Contains("4件の重点目標を読み取りました", page);
        Assert.Equal(4, CountOf(page, "今の下書きと同じです"));
        Assert.DoesNotContain("読み取れないところ", page);

        var confirmed = await ConfirmAsync(admin, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await StateAsync(portal);
        Assert.Equal(before.Drafts, after.Drafts);
        Assert.Equal(before.Versions, after.Versions);
        Assert.Equal(0, after.Sessions);
        Assert.Equal(before.ImportAudits + 1, after.ImportAudits);
    }

    [Fact]
    public async Task On_a_site_without_the_goals_the_workbook_creates_four_unpublished_drafts_equal_field_by_field_to_the_seed()
    {
        using var empty = new AdminPortal { SeedPath = SeedWithDepartmentOnly() };
        var admin = await empty.AdminAsync();
        var preview = await PreviewPathAsync(admin, File.ReadAllBytes(WorkbookFile), "seisaku-kikaku-r6.xlsx");
        var page = HtmlText.MainText(await admin.Client.GetStringAsync(preview));
        Assert.Equal(4, CountOf(page, "新規作成（下書き）"));
        Assert.Contains("LINE友だち登録者数：13,967人 → 17,000人", page);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, preview)).StatusCode);
        var goals = await empty.QueryAsync(db => (from d in db.Documents
                                                   join v in db.Versions on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
                                                   select new { d.Slug, d.PublishedVersion, v.Json }).ToListAsync());
        Assert.Equal(["1", "2", "3", "4"], goals.Select(g => g.Slug).Order());
        Assert.All(goals, g => Assert.Null(g.PublishedVersion));
        foreach (var goal in goals)
        {
            var imported = ContentJson.Deserialize<GoalContent>(goal.Json);
            var seedSlug = SourceSheets.GoalSlugs[imported.Priority - 1];
            var seed = ContentJson.Deserialize<GoalSeedFile>(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "hand-transcription", seedSlug + ".json"))).Content;
            AssertSameFields(seed, imported);
        }

        Assert.Empty(empty.ReadModel.Current.AllGoals);
    }

    [Fact]
    public async Task A_second_import_with_filled_midterm_cells_changes_only_those_reports_and_the_kpi_values()
    {
        var admin = await portal.AdminAsync();
        var before = await StateAsync(portal);
        var reported = FillCell(TextExport, "①\t○ 市民が共感できる効果的な情報発信の推進", 4, "【順調】LINE友だち登録者数 15,200人、YouTubeアカウント登録者数 6,300人と、いずれも増えている。");
        var preview = await PreviewPathAsync(admin, Encoding.UTF8.GetBytes(reported), "export.txt");
        var page = HtmlText.MainText(await admin.Client.GetStringAsync(preview));
        Assert.Equal(3, CountOf(page, "今の下書きと同じです"));
        Assert.Contains("① 中間報告", page);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, preview)).StatusCode);
        var after = await StateAsync(portal);
        Assert.Equal(before.Versions + 1, after.Versions);
        foreach (var slug in new[] { "sogo-keikaku", "smart-city", "gakuen-toshi" })
        {
            Assert.Equal(before.Drafts[slug], after.Drafts[slug]);
        }

        var koho = ContentJson.Deserialize<GoalContent>(after.Drafts["koho"]);
        var report = koho.Initiatives[0].MidtermReport!;
        Assert.Equal("LINE友だち登録者数 15,200人、YouTubeアカウント登録者数 6,300人と、いずれも増えている。", report.Text);
        Assert.Equal(ProgressStatus.OnTrack, report.Status);
        var sns = koho.Initiatives[0].Measures[2].Kpis;
        Assert.Equal(["line-friends", "youtube-subscribers"], sns.Select(k => k.Key));
        Assert.Equal([15200m], sns[0].Measurements.Select(m => m.Value));
        Assert.Equal([6300m], sns[1].Measurements.Select(m => m.Value));

        // Only the report and the measurements differ from the draft before.
        var old = JObject.Parse(before.Drafts["koho"]);
        var now = JObject.Parse(after.Drafts["koho"]);
        now.SelectToken("$.initiatives[0].midtermReport")!.Replace(JValue.CreateNull());
        foreach (var measurements in now.SelectTokens("$.initiatives[0].measures[2].kpis[*].measurements").ToList())
        {
            measurements.Replace(new JArray());
        }

        Assert.True(JToken.DeepEquals(old, now));

        // The published page is untouched: confirming never publishes.
        Assert.Null(portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.Content.Initiatives[0].MidtermReport);
    }

    [Fact]
    public async Task A_year_exported_to_xlsx_imports_back_to_the_same_documents_and_so_does_one_goal_with_a_report()
    {
        var admin = await portal.AdminAsync();
        var yearId = await portal.QueryAsync(db => db.FiscalYears.Select(y => y.Id).SingleAsync());
        var response = await admin.Client.GetAsync($"/backoffice/import/export/year/{yearId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var workbook = await response.Content.ReadAsByteArrayAsync();

        var before = await StateAsync(portal);
        var page = HtmlText.MainText(await admin.Client.GetStringAsync(await PreviewPathAsync(admin, workbook, "seisaku-kikaku-r6.xlsx")));
        Assert.Equal(4, CountOf(page, "今の下書きと同じです"));

        // A goal whose draft has a report and a measurement survives its own round trip.
        var kohoId = portal.GoalId("koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(kohoId);
            draft.Initiatives[1].MidtermReport = new ProgressReport { Text = "- 研修会を1回実施した。\n- 2回目は1月に予定。", Status = ProgressStatus.SlightlyBehind, ReportedOn = new DateOnly(2024, 10, 1) };
            draft.SdgGoals = [9, 17];
            draft.SpecialNotes.CitizenParticipation = "LINEの配信内容を市民アンケートで決めた。";
            await store.SaveDraftAsync(kohoId, draft, "test");
        });
        var goalBook = await admin.Client.GetByteArrayAsync($"/backoffice/import/export/goal/{kohoId}");
        var goalPage = HtmlText.MainText(await admin.Client.GetStringAsync(await PreviewPathAsync(admin, goalBook, "koho.xlsx")));
        Assert.Contains("今の下書きと同じです", goalPage);
        Assert.DoesNotContain("読み取れないところ", goalPage);

        // The published version is still the seed's: no report, no SDGs; the draft's workbook has them.
        var today = new DateOnly(2024, 10, 15);
        var published = UedaPublicGoals.Backoffice.Import.GoalSheetParser.ParseAll(
            UedaPublicGoals.Backoffice.Import.XlsxWorkbookReader.Read(await admin.Client.GetByteArrayAsync($"/backoffice/import/export/goal/{kohoId}?version=published")).Sheets, today).Single();
        var draftSheet = UedaPublicGoals.Backoffice.Import.GoalSheetParser.ParseAll(UedaPublicGoals.Backoffice.Import.XlsxWorkbookReader.Read(goalBook).Sheets, today).Single();
        Assert.Null(published.Content.Initiatives[1].MidtermReport);
        Assert.Empty(published.Content.SdgGoals);
        Assert.Equal(ProgressStatus.SlightlyBehind, draftSheet.Content.Initiatives[1].MidtermReport!.Status);
        Assert.Equal("- 研修会を1回実施した。\n- 2回目は1月に予定。", draftSheet.Content.Initiatives[1].MidtermReport!.Text);
        Assert.Equal([9, 17], draftSheet.Content.SdgGoals);
        Assert.Equal(before.Versions, (await StateAsync(portal)).Versions - 1);
    }

    [Fact]
    public async Task A_preview_belongs_to_the_user_who_uploaded_it()
    {
        var admin = await portal.AdminAsync();
        var preview = await PreviewPathAsync(admin, File.ReadAllBytes(WorkbookFile), "seisaku-kikaku-r6.xlsx");
        var other = await portal.SessionAsync(BackofficeRoles.PublicRelations);
        var response = await other.Client.GetAsync(preview);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/backoffice/import", response.Headers.Location!.OriginalString);
        var before = await StateAsync(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync("/backoffice/import", preview + "/confirm", [])).StatusCode);
        var after = await StateAsync(portal);
        Assert.Equal(before.Versions, after.Versions);
        Assert.Equal(before.ImportAudits, after.ImportAudits);
    }

    internal static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The text export with one cell of the row starting <paramref name="rowStart"/> replaced.</summary>
    internal static string FillCell(string export, string rowStart, int column, string value)
    {
        var lines = export.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(rowStart, StringComparison.Ordinal));
        Assert.True(index >= 0, rowStart);
        var cells = lines[index].Split('\t');
        cells[column] = value;
        lines[index] = string.Join('\t', cells);
        return string.Join('\n', lines);
    }

    private static void AssertSameFields(GoalContent expected, GoalContent actual)
    {
        static JObject WithoutKeys(GoalContent content)
        {
            var json = JObject.Parse(ContentJson.Serialize(content));
            foreach (var key in json.SelectTokens("$.initiatives[*].measures[*].kpis[*].key").ToList())
            {
                key.Parent!.Remove();
            }

            return json;
        }

        var want = WithoutKeys(expected);
        var got = WithoutKeys(actual);
        foreach (var field in want.Descendants().OfType<JValue>())
        {
            Assert.True(JToken.DeepEquals(field, got.SelectToken(field.Path)), $"{field.Path}: {field} ≠ {got.SelectToken(field.Path)}");
        }

        Assert.True(JToken.DeepEquals(want, got));
    }

    /// <summary>A content-seed with the department and its year but no goals.</summary>
    internal static string SeedWithDepartmentOnly()
    {
        var root = Path.Combine(Directory.CreateTempSubdirectory("ueda-seed-").FullName, "content-seed");
        Directory.CreateDirectory(Path.Combine(root, "departments"));
        File.WriteAllText(Path.Combine(root, "departments", "seisaku-kikaku.json"),
            """{ "slug": "seisaku-kikaku", "name": "政策企画部", "sortOrder": 1, "fiscalYears": [ { "year": 2024, "slug": "r6", "heading": "令和6年度 重点目標", "goals": [] } ] }""");
        return root;
    }
}

using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Backoffice.Import.SheetUploads;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Import;

/// <summary>
/// Every bad sheet gives a Japanese message naming the sheet and cell, and nothing is written. The tests compare
/// the state before and after themselves, so they share one portal.
/// </summary>
public sealed class SheetImportBadInputTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    public static TheoryData<string, string> SheetProblems => new()
    {
        { "unknown-department", "シート1 E23：部局名「未来創造部」の部局は登録されていません" },
        { "duplicate-priority", "シート2 G39：優先順位「1位」が、同じ部局・年度の別のシート（シート1）と重複しています" },
        { "missing-label", "シート3：「部局名」の欄が見つかりません" },
        { "unreadable-period", "シート2 C46：(1) の期間が読み取れません（「あとで考える」）" },
        { "skipped-number", "シート1 B29：(3) のところが (4) になっています" },
        { "report-without-status", "シート4 E70：中間報告の進捗度（順調・やや遅れ・遅れ・達成のどれか）が書かれていません" },
        { "merged-across-rows", "シート1 B9:B10：結合されたセルがあり" },
        { "formula-without-value", "シート2 B3：数式のセルですが、保存された値がありません" },
    };

    [Theory]
    [MemberData(nameof(SheetProblems))]
    public async Task A_sheet_problem_is_named_by_sheet_and_cell_in_the_preview_and_confirming_writes_nothing(string kind, string message)
    {
        var admin = await portal.AdminAsync();
        var (bytes, name) = BadSheet(kind);
        var preview = await PreviewPathAsync(admin, bytes, name);
        var page = HtmlText.MainText(await admin.Client.GetStringAsync(preview));
        Assert.Contains("読み取れないところが", page);
        Assert.Contains(message, page);
        Assert.DoesNotContain("下書きとして取り込む", page);
        if (kind == "unknown-department")
        {
            Assert.Contains("部局「未来創造部」を作成する", page);
        }

        var before = await StateAsync(portal);
        var refused = await ConfirmAsync(admin, preview);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("何も保存していません", HtmlText.MainText(await refused.Content.ReadAsStringAsync()));
        var after = await StateAsync(portal);
        Assert.Equal(before.Drafts, after.Drafts);
        Assert.Equal(before.Versions, after.Versions);
        Assert.Equal(before.ImportAudits, after.ImportAudits);
    }

    [Fact]
    public async Task A_formula_with_a_saved_value_and_an_external_link_are_read_as_values_with_a_notice()
    {
        var admin = await portal.AdminAsync();
        var bytes = EditWorkbook(File.ReadAllBytes(WorkbookFile), "シート1", (document, sheet, strings) =>
        {
            var cell = CellAt(sheet, "G3");
            cell.CellFormula = new CellFormula("[1]Sheet1!A1");
            cell.DataType = CellValues.String;
            cell.CellValue = new CellValue("1位");
            document.WorkbookPart!.AddNewPart<ExternalWorkbookPart>();
        });
        var page = HtmlText.MainText(await admin.Client.GetStringAsync(await PreviewPathAsync(admin, bytes, "formula.xlsx")));
        Assert.Contains("シート1 G3：数式のセルです。計算はせず、保存されている値「1位」を使います。", page);
        Assert.Contains("外部のブックへのリンクがあります", page);
        Assert.Contains("下書きとして取り込む", page);
        Assert.Equal(4, SheetImportTests.CountOf(page, "今の下書きと同じです"));
    }

    [Fact]
    public async Task Import_needs_an_editing_role_and_a_token_and_a_department_author_imports_only_their_department()
    {
        var planning = await portal.SessionAsync(BackofficeRoles.PlanningOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.Client.GetAsync("/backoffice/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.Client.GetAsync($"/backoffice/import/export/goal/{portal.GoalId("koho")}")).StatusCode);

        var anonymous = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/backoffice/import")).StatusCode);

        var admin = await portal.AdminAsync();
        using var noToken = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(WorkbookFile)), "Form.File", "a.xlsx" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.PostAsync("/backoffice/import", noToken)).StatusCode);

        var (otherDepartment, otherGoal) = await portal.AddDepartmentWithGoalAsync();
        var author = await portal.SessionAsync(BackofficeRoles.DepartmentAuthor, otherDepartment);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync($"/backoffice/import/export/goal/{portal.GoalId("koho")}")).StatusCode);
        var yearId = await portal.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.FiscalYears.Where(y => y.Department!.Slug == "seisaku-kikaku").Select(y => y.Id)));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync($"/backoffice/import/export/year/{yearId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.Client.GetAsync($"/backoffice/import/export/goal/{otherGoal}")).StatusCode);

        var page = HtmlText.MainText(await author.Client.GetStringAsync(await PreviewPathAsync(author, File.ReadAllBytes(WorkbookFile), "a.xlsx")));
        Assert.Contains("シート1 E3：「政策企画部」の重点目標を取り込む権限がありません", page);
        Assert.DoesNotContain("下書きとして取り込む", page);
    }

    private static (byte[] Bytes, string Name) BadSheet(string kind)
    {
        string Text(string text) => text;
        return kind switch
        {
            "unknown-department" => (Encoding.UTF8.GetBytes(Text(TextExport.Replace("部局名\t政策企画部\t優先順位\t1位", "部局名\t未来創造部\t優先順位\t1位"))), "a.txt"),
            "duplicate-priority" => (Encoding.UTF8.GetBytes(TextExport.Replace("優先順位\t2位", "優先順位\t1位")), "a.txt"),
            "missing-label" => (Encoding.UTF8.GetBytes(TextExport.Replace("\t部局名\t政策企画部\t優先順位\t3位", "\t\t政策企画部\t優先順位\t3位")), "a.txt"),
            "unreadable-period" => (Encoding.UTF8.GetBytes(SheetImportTests.FillCell(TextExport, "②\t○ 公民連携によるスマートシティ化", 2, "(1) あとで考える (2) 年度内")), "a.txt"),
            "skipped-number" => (Encoding.UTF8.GetBytes(TextExport.Replace("(3) 市民アンケート調査等市民意見聴取 (4)", "(4) 市民アンケート調査等市民意見聴取 (4)")), "a.txt"),
            "report-without-status" => (Encoding.UTF8.GetBytes(SheetImportTests.FillCell(TextExport, "①\t○ 市民が共感できる効果的な情報発信の推進", 4, "LINEの登録者が増えた。")), "a.txt"),
            "merged-across-rows" => (EditWorkbook(File.ReadAllBytes(WorkbookFile), "シート1", (_, sheet, _) =>
                sheet.Worksheet.GetFirstChild<MergeCells>()!.Append(new MergeCell { Reference = "B9:B10" })), "a.xlsx"),
            "formula-without-value" => (EditWorkbook(File.ReadAllBytes(WorkbookFile), "シート2", (_, sheet, _) =>
            {
                var cell = CellAt(sheet, "B3");
                cell.CellFormula = new CellFormula("CONCATENATE(\"ス\",\"マート\")");
                cell.DataType = null;
                cell.CellValue = null;
            }), "a.xlsx"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    internal static byte[] EditWorkbook(byte[] original, string? sheetName, Action<SpreadsheetDocument, WorksheetPart, SharedStringTablePart?> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(original);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = sheetName is null
                ? workbook.WorksheetParts.First()
                : (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName).Id!);
            edit(document, sheet, workbook.SharedStringTablePart);
            sheet.Worksheet.Save();
        }

        return stream.ToArray();
    }

    private static Cell CellAt(WorksheetPart sheet, string reference) =>
        sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
}

using System.Net;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Feedback.Export;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using Comment = UedaPublicGoals.Feedback.Model.Comment;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>
/// CSV and .xlsx for the 審議会, read back with a CSV parser and with the Open XML SDK. These tests read the four
/// comments and count no audit entries, so they share one portal (<see cref="InboxExportAuditTests"/> has the rest).
/// </summary>
public sealed class InboxExportTests(InboxExportTests.FourComments seeded) : IClassFixture<InboxExportTests.FourComments>, IAsyncLifetime
{
    private const string Tricky = "He said \"hi\", then left.\r\nSecond line, with a comma";

    private readonly PortalFactory portal = seeded.Portal;
    private readonly Comment formula = seeded.Formula;
    private readonly Comment tricky = seeded.Tricky;
    private readonly Comment hidden = seeded.Hidden;
    private readonly Comment withContact = seeded.WithContact;
    private BackofficeSession session = null!;

    public async Task InitializeAsync() => (session, _) = await InboxTestData.LogInOfficerAsync(portal);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One portal for the export tests with the four comments they read.</summary>
    public sealed class FourComments : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new();

        public Comment Formula { get; private set; } = null!;

        public Comment Tricky { get; private set; } = null!;

        public Comment Hidden { get; private set; } = null!;

        public Comment WithContact { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Formula = await InboxTestData.AddCommentAsync(Portal, c => { c.Text = "=1+1"; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 1); });
            Tricky = await InboxTestData.AddCommentAsync(Portal, c => { c.Text = InboxExportTests.Tricky; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 2); c.Field = "SDGs・環境"; c.AgeGroup = AgeGroup.Twenties; });
            Hidden = await InboxTestData.AddCommentAsync(Portal, c => { c.Text = "宣伝です"; c.Status = CommentStatus.Hidden; c.HiddenReason = "宣伝・スパム"; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 3); });
            WithContact = await InboxTestData.AddCommentAsync(Portal, c =>
            {
                c.Text = "返事がほしいです";
                c.Nickname = "はなこ";
                c.ReplyEmailProtected = InboxTestData.ProtectEmail(Portal, "hanako@example.jp");
                c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 4);
            });
        }

        public Task DisposeAsync()
        {
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }

    internal static Task<HttpResponseMessage> ExportAsync(BackofficeSession officer, Dictionary<string, string> fields) =>
        officer.PostFormAsync("/backoffice/feedback", "/backoffice/feedback/export", fields);

    /// <summary>Parses with CsvHelper after checking and removing the UTF-8 byte-order mark.</summary>
    public static List<string[]> ParseCsv(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "the CSV must start with the UTF-8 BOM for Excel");
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }

    [Fact]
    public async Task The_CSV_has_a_BOM_CRLF_line_ends_defused_formulas_and_fields_that_round_trip_through_a_CSV_parser()
    {
        var response = await ExportAsync(session, new() { ["Format"] = "csv" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        var raw = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFF受付番号,受付日,受付経路,意見募集,分野,年代,住まい,意見,", raw);
        Assert.EndsWith("\r\n", raw);
        Assert.DoesNotMatch("(?<!\r)\n", raw); // every line break is CRLF, also inside the quoted field
        Assert.Contains("\"He said \"\"hi\"\", then left.\r\nSecond line, with a comma\"", raw);

        var rows = ParseCsv(bytes);
        var header = rows[0];
        Assert.DoesNotContain(CommentExportBuilder.HiddenColumn, header);
        Assert.DoesNotContain("返信用メールアドレス", header);
        var text = Array.IndexOf(header, "意見");
        var byReceipt = rows.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal([formula.ReceiptNumber, tricky.ReceiptNumber, withContact.ReceiptNumber], byReceipt.Keys);
        Assert.Equal("'=1+1", byReceipt[formula.ReceiptNumber][text]);
        Assert.Equal(Tricky, byReceipt[tricky.ReceiptNumber][text]);
        Assert.Equal("SDGs・環境", byReceipt[tricky.ReceiptNumber][Array.IndexOf(header, "分野")]);
        Assert.Equal("20代", byReceipt[tricky.ReceiptNumber][Array.IndexOf(header, "年代")]);
        Assert.Equal("2026-10-02", byReceipt[tricky.ReceiptNumber][Array.IndexOf(header, "受付日")]);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
    }

    [Fact]
    public async Task Hidden_comments_are_left_out_unless_asked_for_and_then_carry_their_reason_in_the_hidden_column()
    {
        var rows = ParseCsv(await (await ExportAsync(session, new() { ["Format"] = "csv", ["IncludeHidden"] = "true" })).Content.ReadAsByteArrayAsync());
        var column = Array.IndexOf(rows[0], CommentExportBuilder.HiddenColumn);
        Assert.True(column > 0);
        var byReceipt = rows.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal(4, byReceipt.Count);
        Assert.Equal("宣伝・スパム", byReceipt[hidden.ReceiptNumber][column]);
        Assert.Equal("非表示", byReceipt[hidden.ReceiptNumber][Array.IndexOf(rows[0], "状態")]);
        Assert.Equal("", byReceipt[formula.ReceiptNumber][column]);

        // Even the list's "hidden only" view exports nothing hidden unless the box is ticked.
        var hiddenOnly = ParseCsv(await (await ExportAsync(session, new() { ["Format"] = "csv", ["Status"] = "Hidden" })).Content.ReadAsByteArrayAsync());
        Assert.Single(hiddenOnly);
    }

    [Fact]
    public async Task Roles_without_the_right_cannot_export_at_all_and_the_list_offers_the_contact_box_only_to_those_with_it()
    {
        var (publicRelations, _) = await InboxTestData.LogInOfficerAsync(portal, BackofficeRoles.PublicRelations);
        var token = await publicRelations.AntiforgeryTokenAsync("/backoffice/account/password");
        var refused = await publicRelations.Client.PostAsync("/backoffice/feedback/export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Format"] = "csv", ["IncludeContacts"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var list = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/feedback"));
        Assert.NotNull(list.QuerySelector("input[name=IncludeContacts]"));
    }

    [Fact]
    public async Task The_xlsx_opens_with_the_Open_XML_SDK_with_a_frozen_header_column_widths_and_one_row_per_comment()
    {
        var response = await ExportAsync(session, new() { ["Format"] = "xlsx", ["IncludeHidden"] = "true" });
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("意見一覧", sheet.Name!.Value);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();

        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c =>
            {
                Assert.Equal(CellValues.SharedString, c.DataType!.Value);
                return strings[int.Parse(c.CellValue!.Text)];
            }).ToArray())
            .ToList();
        Assert.Equal(["受付番号", "受付日", "受付経路", "意見募集", "分野", "年代", "住まい", "意見"], rows[0][..8]);
        Assert.Contains(CommentExportBuilder.HiddenColumn, rows[0]);
        Assert.Equal(5, rows.Count);
        var byReceipt = rows.Skip(1).ToDictionary(r => r[0]);
        // In .xlsx text is never a formula, so it is kept exactly as the resident typed it.
        Assert.Equal("=1+1", byReceipt[formula.ReceiptNumber][7]);
        Assert.Equal(Tricky.Replace("\r\n", "\n"), byReceipt[tricky.ReceiptNumber][7]); // Excel's own line break in a cell
        Assert.Equal("宣伝・スパム", byReceipt[hidden.ReceiptNumber][Array.IndexOf(rows[0], CommentExportBuilder.HiddenColumn)]);

        var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1D, pane.VerticalSplit!.Value);
        Assert.Equal(rows[0].Length, worksheet.GetFirstChild<Columns>()!.Elements<Column>().Count(c => c.CustomWidth?.Value == true && c.Width!.Value > 0));
    }
}

/// <summary>The export tests that count audit entries: each starts a portal of its own with the four comments.</summary>
public sealed class InboxExportAuditTests : IAsyncLifetime
{
    private readonly InboxExportTests.FourComments seeded = new();
    private BackofficeSession session = null!;

    public async Task InitializeAsync()
    {
        (session, _) = await InboxTestData.LogInOfficerAsync(seeded.Portal);
        await seeded.InitializeAsync();
    }

    public Task DisposeAsync() => seeded.DisposeAsync();

    [Fact]
    public async Task Contact_columns_appear_only_when_ticked_and_hold_the_decrypted_address()
    {
        var without = InboxExportTests.ParseCsv(await (await InboxExportTests.ExportAsync(session, new() { ["Format"] = "csv" })).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("ニックネーム", without[0]);
        Assert.DoesNotContain(without.SelectMany(r => r), cell => cell.Contains("hanako"));

        var with = InboxExportTests.ParseCsv(await (await InboxExportTests.ExportAsync(session, new() { ["Format"] = "csv", ["IncludeContacts"] = "true" })).Content.ReadAsByteArrayAsync());
        var row = Assert.Single(with, r => r[0] == seeded.WithContact.ReceiptNumber);
        Assert.Equal("はなこ", row[Array.IndexOf(with[0], "ニックネーム")]);
        Assert.Equal("hanako@example.jp", row[Array.IndexOf(with[0], "返信用メールアドレス")]);

        // Each export is one audited action, not one entry per address it carried.
        Assert.Equal([InboxAuditActions.Export, InboxAuditActions.Export], (await InboxTestData.AuditAsync(seeded.Portal)).Select(a => a.Action));
    }

    [Fact]
    public async Task Each_export_is_audited_with_format_count_filter_and_whether_contacts_were_included()
    {
        await InboxExportTests.ExportAsync(session, new() { ["Format"] = "xlsx", ["IncludeContacts"] = "true", ["Age"] = "Twenties" });
        var entry = Assert.Single(await InboxTestData.AuditAsync(seeded.Portal));
        Assert.Equal((InboxAuditActions.Export, "xlsx"), (entry.Action, entry.Target));
        Assert.Equal("1件を書き出し（状態=非表示以外, 年代=20代、連絡先を含む）", entry.Detail);
    }

    [Fact]
    public async Task An_export_without_the_antiforgery_token_is_refused_with_400_and_not_audited()
    {
        var response = await session.Client.PostAsync("/backoffice/feedback/export", new FormUrlEncodedContent(new Dictionary<string, string> { ["Format"] = "csv" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await InboxTestData.AuditAsync(seeded.Portal));
    }
}

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
/// A file that cannot be read is refused at upload with a Japanese message, and nothing is written (not even an
/// import session). None of these tests stores anything, so they share one portal.
/// </summary>
public sealed class SheetImportUnreadableFileTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    public static TheoryData<string, string> UnreadableFiles => new()
    {
        { "png", "Excel ブック（.xlsx）か、重点目標管理シートのテキスト書き出し" },
        { "zip-without-workbook", "ZIP ファイルですが、ワークシートが入っていません" },
        { "no-sheet-in-layout", "重点目標管理シートの書式のシートが見つかりません" },
        { "20mb", "ファイルが大きすぎます（20MB）。10MBまで" },
        { "zip-bomb", "展開すると大きくなりすぎる" },
        { "shift-jis-text", "Excel ブック（.xlsx）か、重点目標管理シートのテキスト書き出し" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public async Task A_file_that_cannot_be_read_is_refused_at_upload_with_its_message(string kind, string message)
    {
        var admin = await portal.AdminAsync();
        var before = await StateAsync(portal);
        var response = await UploadAsync(admin, BadFile(kind), "sheet." + (kind.Contains("text") ? "txt" : "xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var error = HtmlText.Parse(html).QuerySelector("#Form_File-error")?.TextContent ?? "";
        Assert.Contains(message, error);
        Assert.Equal(before, await StateAsync(portal) is var after && after.Versions == before.Versions && after.Sessions == 0 ? before : after);
    }

    private static byte[] BadFile(string kind) => kind switch
    {
        "png" => [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13],
        "zip-without-workbook" => Zip(("hello.txt", Encoding.UTF8.GetBytes("こんにちは"))),
        "no-sheet-in-layout" => SheetImportBadInputTests.EditWorkbook(File.ReadAllBytes(WorkbookFile), null, (document, _, _) =>
        {
            foreach (var sheet in document.WorkbookPart!.WorksheetParts)
            {
                sheet.Worksheet.GetFirstChild<SheetData>()!.RemoveAllChildren();
            }
        }),
        "20mb" => Encoding.UTF8.GetBytes(TextExport + new string(' ', 20 * 1024 * 1024)),
        "zip-bomb" => Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")), ("xl/workbook.xml", new byte[40 * 1024 * 1024])),
        "shift-jis-text" => [0x8F, 0x64, 0x93, 0x5F, 0x96, 0xDA, 0x95, 0x57, 0x09, 0x41],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }
}

using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Import;

/// <summary>Uploading sheet files through the real 取り込み form, and what the database holds around it.</summary>
internal static class SheetUploads
{
    public static string WorkbookFile => Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "seisaku-kikaku-r6.xlsx");

    public static string TextExport => File.ReadAllText(SourceSheets.SourceFile);

    /// <summary>Posts the file; returns the response (a redirect to the preview when the file could be read).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(BackofficeSession session, byte[] bytes, string fileName)
    {
        var token = await session.AntiforgeryTokenAsync("/backoffice/import");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        content.Add(file, "Form.File", fileName);
        return await session.Client.PostAsync("/backoffice/import", content);
    }

    /// <summary>Uploads a file that must be readable; returns the preview's path.</summary>
    public static async Task<string> PreviewPathAsync(BackofficeSession session, byte[] bytes, string fileName)
    {
        var response = await UploadAsync(session, bytes, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<HttpResponseMessage> ConfirmAsync(BackofficeSession session, string previewPath) =>
        await session.PostFormAsync(previewPath, previewPath + "/confirm", []);

    /// <summary>Every goal draft's JSON by slug, and the number of versions, sessions and imports audited.</summary>
    public static Task<(Dictionary<string, string> Drafts, int Versions, int Sessions, int ImportAudits)> StateAsync(AdminPortal portal) =>
        portal.QueryAsync(async db => (
            await (from d in db.Documents
                   join v in db.Versions on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
                   where d.Kind == UedaPublicGoals.Content.Store.DocumentKind.Goal
                   select new { d.Slug, v.Json }).ToDictionaryAsync(x => x.Slug, x => x.Json),
            await db.Versions.CountAsync(),
            await db.ImportSessions.CountAsync(),
            await db.AuditEntries.CountAsync(a => a.Action == UedaPublicGoals.Audit.AuditActions.ContentImport)));
}

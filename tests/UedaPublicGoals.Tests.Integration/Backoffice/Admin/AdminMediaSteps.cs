using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>Uploading images and reading back what was stored, for the media library tests.</summary>
internal static class AdminMediaSteps
{
    public static async Task<HttpResponseMessage> UploadAsync(BackofficeSession session, byte[] bytes, string fileName, string declaredType, string altText = "上田城跡公園の桜")
    {
        var token = await session.AntiforgeryTokenAsync("/backoffice/media");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(altText), "AltText" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        content.Add(file, "File", fileName);
        return await session.Client.PostAsync("/backoffice/media", content);
    }

    public static Task<List<MediaItem>> MediaAsync(AdminPortal portal) => portal.QueryAsync(db => db.Media.AsNoTracking().ToListAsync());

    public static int StoredFiles(AdminPortal portal) => Directory.Exists(portal.MediaDirectory) ? Directory.GetFiles(portal.MediaDirectory).Length : 0;
}

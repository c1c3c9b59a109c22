using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Content.Media;

/// <summary>
/// Serves uploaded images at /media/{generated name}. The Content-Type is the one found by
/// sniffing at upload, never guessed from the name; nosniff stops browsers second-guessing
/// it. Names are never reused, so the response may be cached for a year.
/// </summary>
[AllowAnonymous]
public sealed class MediaFileController(MediaLibrary media) : Controller
{
    [HttpGetOrHead("/media/{fileName:regex(^[[0-9a-f]]{{32}}\\.(png|jpg|webp)$)}")]
    public async Task<IActionResult> Show(string fileName, CancellationToken ct)
    {
        if (await media.OpenAsync(fileName, ct) is not { } found)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return PhysicalFile(found.Path, found.Item.ContentType, new DateTimeOffset(DateTime.SpecifyKind(found.Item.UploadedUtc, DateTimeKind.Utc)), new EntityTagHeaderValue($"\"{found.Item.Id:N}\""));
    }
}

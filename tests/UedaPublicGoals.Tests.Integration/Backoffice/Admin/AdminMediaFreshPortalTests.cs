using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Backoffice.Admin.AdminMediaSteps;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>
/// Image upload stored: generated names, sniffed types, re-encoding, delete and restore, who may touch which image.
/// Each test counts the whole library, so each starts a portal of its own.
/// </summary>
public sealed class AdminMediaFreshPortalTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    public static TheoryData<string, string, string, int, int> RealImages() => new()
    {
        { "png", "image/png", "png", 37, 21 },
        { "jpeg", "image/jpeg", "jpg", 40, 24 },
        { "webp", "image/webp", "webp", 300, 2 },
    };

    private static byte[] Generate(string format, int width, int height) => format switch
    {
        "png" => TestImages.Png(width, height),
        "jpeg" => TestImages.Jpeg(width, height),
        _ => TestImages.WebP(width, height),
    };

    [Theory]
    [MemberData(nameof(RealImages))]
    public async Task A_real_image_is_stored_under_a_generated_name_and_served_with_its_sniffed_type(string format, string contentType, string extension, int width, int height)
    {
        var bytes = Generate(format, width, height);
        var session = await portal.AdminAsync();

        // The browser's name and type are deliberately wrong: only the content counts.
        var response = await UploadAsync(session, bytes, "../../etc/写真.bin", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = Assert.Single(await MediaAsync(portal));
        Assert.Matches($"^[0-9a-f]{{32}}\\.{extension}$", item.FileName);
        Assert.Equal(contentType, item.ContentType);
        Assert.Equal((width, height), (item.Width, item.Height));
        Assert.Equal("写真.bin", item.OriginalName);
        Assert.Equal("上田城跡公園の桜", item.AltText);
        // Stored re-encoded (issue 11 part 7), so not byte for byte as sent: same format, same size in pixels.
        var stored = await File.ReadAllBytesAsync(Path.Combine(portal.MediaDirectory, item.FileName));
        Assert.Equal(stored.LongLength, item.Length);
        Assert.NotEqual(bytes, stored);
        Assert.Equal((contentType, width, height), ImageSniffer.Sniff(stored) is { } again ? (again.ContentType, again.Width, again.Height) : default);
        Assert.StartsWith($"/backoffice/media?uploaded={item.Id}", response.Headers.Location!.OriginalString);

        var served = await portal.CreatePublicClient().GetAsync($"/media/{item.FileName}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(contentType, served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(served.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(TimeSpan.FromDays(365), served.Headers.CacheControl!.MaxAge);
        Assert.True(served.Headers.CacheControl.Public);
        Assert.Equal(stored, await served.Content.ReadAsByteArrayAsync());

        var list = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/media"));
        Assert.Equal($"/media/{item.FileName}", list.QuerySelector($"#media-{item.Id} img")!.GetAttribute("src"));
        Assert.Equal($"![上田城跡公園の桜](/media/{item.FileName})", list.QuerySelector($"#media-{item.Id} input[readonly]")!.GetAttribute("value"));
        Assert.Contains(await portal.AuditAsync(), a => a.Action == AuditActions.MediaUpload && a.Target == $"media:{item.Id}" && a.Actor == PortalFactory.AdminEmail);
    }

    [Fact]
    public async Task A_deleted_image_stops_being_served_comes_back_on_restore_and_its_file_goes_when_the_bin_is_emptied()
    {
        var session = await portal.AdminAsync();
        await UploadAsync(session, TestImages.Png(4, 4), "a.png", "image/png");
        var item = Assert.Single(await MediaAsync(portal));
        var publicClient = portal.CreatePublicClient();

        await session.PostFormAsync("/backoffice/media", $"/backoffice/media/{item.Id}/delete", []);

        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync($"/media/{item.FileName}")).StatusCode);
        Assert.DoesNotContain(item.FileName, await session.Client.GetStringAsync("/backoffice/media"));
        Assert.Contains("上田城跡公園の桜（a.png）", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/recycle-bin")));

        await session.PostFormAsync("/backoffice/recycle-bin", "/backoffice/recycle-bin/restore", new() { ["kind"] = "Media", ["id"] = item.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync($"/media/{item.FileName}")).StatusCode);

        await session.PostFormAsync("/backoffice/media", $"/backoffice/media/{item.Id}/delete", []);
        await session.PostFormAsync("/backoffice/recycle-bin/empty", "/backoffice/recycle-bin/empty", []);
        Assert.Empty(await MediaAsync(portal));
        Assert.Equal(0, StoredFiles(portal));
        var audit = await portal.AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.MediaDelete && a.Detail!.Contains("完全に削除"));
    }

    [Fact]
    public async Task The_markdown_snippet_shows_the_image_on_a_published_page()
    {
        var session = await portal.AdminAsync();
        await UploadAsync(session, TestImages.WebP(16, 9), "sakura.webp", "image/webp", altText: "桜の写真 [春]");
        var item = Assert.Single(await MediaAsync(portal));
        var snippet = MediaLibrary.MarkdownSnippet(item);
        Assert.Equal($"![桜の写真 \\[春\\]](/media/{item.FileName})", snippet);

        var pageId = portal.PageId("about");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var page = await store.GetDraftAsync<PageContent>(pageId);
            page.Body += "\n\n" + snippet + "\n";
            await store.SaveDraftAsync(pageId, page, "test");
            await store.PublishAsync(pageId, "test");
        });

        var html = HtmlText.Parse(await portal.CreatePublicClient().GetStringAsync("/pages/about"));
        var image = html.QuerySelector($"main img[src='/media/{item.FileName}']");
        Assert.NotNull(image);
        Assert.Equal("桜の写真 [春]", image!.GetAttribute("alt"));
    }

    [Fact]
    public async Task Authors_upload_and_delete_their_own_images_only_and_planning_officers_have_no_access()
    {
        var author = await portal.SessionAsync(BackofficeRoles.DepartmentAuthor, await portal.SeisakuKikakuIdAsync());
        var admin = await portal.AdminAsync();
        await UploadAsync(author, TestImages.Png(4, 4), "mine.png", "image/png", altText: "自分の画像");
        await UploadAsync(admin, TestImages.Png(4, 4), "theirs.png", "image/png", altText: "管理者の画像");
        var items = await MediaAsync(portal);
        var mine = items.Single(i => i.AltText == "自分の画像");
        var theirs = items.Single(i => i.AltText == "管理者の画像");

        var list = HtmlText.Parse(await author.Client.GetStringAsync("/backoffice/media"));
        Assert.NotNull(list.QuerySelector($"form[action='/backoffice/media/{mine.Id}/delete']"));
        Assert.Null(list.QuerySelector($"form[action='/backoffice/media/{theirs.Id}/delete']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync("/backoffice/media", $"/backoffice/media/{theirs.Id}/delete", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync("/backoffice/media", $"/backoffice/media/{mine.Id}/delete", [])).StatusCode);

        var planner = await portal.SessionAsync(BackofficeRoles.PlanningOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.Client.GetAsync("/backoffice/media")).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_photo_is_re_encoded_without_its_GPS_metadata_or_appended_payload()
    {
        using var photo = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(64, 48);
        photo.Metadata.ExifProfile = new SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifProfile();
        photo.Metadata.ExifProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.GPSLatitudeRef, "N");
        photo.Metadata.ExifProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.Artist, "UEDA-SECRET-ARTIST");
        using var encoded = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(photo, encoded);
        // A polyglot: an HTML payload after the end of the JPEG.
        var bytes = encoded.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes("<script>alert('polyglot')</script>")).ToArray();
        Assert.Contains("UEDA-SECRET-ARTIST", System.Text.Encoding.ASCII.GetString(bytes));

        var response = await UploadAsync(await portal.AdminAsync(), bytes, "photo.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = Assert.Single(await MediaAsync(portal));
        var stored = System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(Path.Combine(portal.MediaDirectory, item.FileName)));
        Assert.DoesNotContain("UEDA-SECRET-ARTIST", stored);
        Assert.DoesNotContain("Exif", stored);
        Assert.DoesNotContain("<script>", stored);
        Assert.Equal((64, 48), (item.Width, item.Height));
    }
}

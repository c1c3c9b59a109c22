using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>Issue 11 part 7: a per-user upload rate and storage quota, counted in the database so every node agrees.</summary>
public sealed class MediaQuotaTests : IDisposable
{
    private const long OneMegabyte = 1024 * 1024;

    private readonly AdminPortal portal = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Media:UploadsPerHour"] = "2",
            ["Media:QuotaBytesPerUser"] = OneMegabyte.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    public void Dispose() => portal.Dispose();

    private static async Task<HttpResponseMessage> UploadAsync(BackofficeSession session, string altText)
    {
        var token = await session.AntiforgeryTokenAsync("/backoffice/media");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(altText), "AltText" },
        };
        var file = new ByteArrayContent(TestImages.Png(4, 4));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        content.Add(file, "File", "a.png");
        return await session.Client.PostAsync("/backoffice/media", content);
    }

    private Task<List<MediaItem>> MediaAsync() => portal.QueryAsync(db => db.Media.AsNoTracking().ToListAsync());

    private int StoredFiles() => Directory.Exists(portal.MediaDirectory) ? Directory.GetFiles(portal.MediaDirectory).Length : 0;

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message, string altText)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, document.QuerySelector("#File-error")!.TextContent);
        Assert.Equal("true", document.QuerySelector("#File")!.GetAttribute("aria-invalid"));
        Assert.Equal(altText, document.QuerySelector("#AltText")!.GetAttribute("value"));
    }

    /// <summary>A record of an earlier upload, as another node would have written it.</summary>
    private async Task AddEarlierUploadAsync(string user, long length, TimeSpan ago, bool trashed = false)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var id = Guid.NewGuid();
        db.Media.Add(new MediaItem
        {
            Id = id,
            FileName = $"{id:N}.png",
            OriginalName = "earlier.png",
            ContentType = "image/png",
            Length = length,
            Width = 4,
            Height = 4,
            AltText = "前にアップロードした画像",
            UploadedBy = user,
            UploadedUtc = DateTime.UtcNow - ago,
            DeletedUtc = trashed ? DateTime.UtcNow - ago : null,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_upload_over_the_hourly_rate_is_refused_with_nothing_stored_and_other_users_are_not_affected()
    {
        var admin = await portal.AdminAsync();
        // An upload from two hours ago is outside the window.
        await AddEarlierUploadAsync(PortalFactory.AdminEmail, 100, TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, "一枚目")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, "二枚目")).StatusCode);
        var third = await UploadAsync(admin, "三枚目の桜");

        await AssertRefusedAsync(third, "1時間にアップロードできる画像は1人2枚までで", "三枚目の桜");
        Assert.Contains("しばらく時間をおいてから、もう一度お試しください。", HtmlText.Parse(await third.Content.ReadAsStringAsync()).QuerySelector("#File-error")!.TextContent);
        Assert.Equal(3, (await MediaAsync()).Count);
        Assert.DoesNotContain(await MediaAsync(), m => m.AltText == "三枚目の桜");
        Assert.Equal(2, StoredFiles());

        var author = await portal.SessionAsync(BackofficeRoles.DepartmentAuthor, await portal.SeisakuKikakuIdAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(author, "別の人の画像")).StatusCode);
        Assert.Contains(await MediaAsync(), m => m.AltText == "別の人の画像");
    }

    [Fact]
    public async Task Moving_uploads_to_the_recycle_bin_does_not_get_round_the_rate()
    {
        var admin = await portal.AdminAsync();
        await AddEarlierUploadAsync(PortalFactory.AdminEmail, 100, TimeSpan.FromMinutes(10), trashed: true);
        await AddEarlierUploadAsync(PortalFactory.AdminEmail, 100, TimeSpan.FromMinutes(50), trashed: true);

        await AssertRefusedAsync(await UploadAsync(admin, "三枚目"), "1時間にアップロードできる画像は1人2枚まで", "三枚目");
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task A_user_over_the_storage_quota_is_refused_with_nothing_stored_and_other_users_are_not_affected()
    {
        var admin = await portal.AdminAsync();
        // Stored long ago (outside the rate window), partly in the recycle bin, which still counts until it is emptied.
        await AddEarlierUploadAsync(PortalFactory.AdminEmail, OneMegabyte / 2, TimeSpan.FromDays(3));
        await AddEarlierUploadAsync(PortalFactory.AdminEmail, OneMegabyte / 2 - 10, TimeSpan.FromDays(2), trashed: true);

        var refused = await UploadAsync(admin, "上田城跡公園の桜");

        await AssertRefusedAsync(refused, "あなたがアップロードした画像の合計が上限（1 MB）を超えるため、この画像は保存できません", "上田城跡公園の桜");
        Assert.Contains("ごみ箱を空にしてから", HtmlText.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#File-error")!.TextContent);
        Assert.Equal(2, (await MediaAsync()).Count);
        Assert.Equal(0, StoredFiles());

        var author = await portal.SessionAsync(BackofficeRoles.DepartmentAuthor, await portal.SeisakuKikakuIdAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(author, "別の人の画像")).StatusCode);
        Assert.Equal(1, StoredFiles());

        // Once the recycle bin is emptied, the space is free again.
        await admin.PostFormAsync("/backoffice/recycle-bin/empty", "/backoffice/recycle-bin/empty", []);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, "上田城跡公園の桜")).StatusCode);
        Assert.Equal(2, StoredFiles());
    }
}

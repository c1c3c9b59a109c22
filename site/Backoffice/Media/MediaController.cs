using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Backoffice.Media;

public sealed class MediaUploadForm
{
    [Display(Name = "画像ファイル")]
    [Required(ErrorMessage = "アップロードする画像ファイルを選んでください。")]
    public IFormFile? File { get; set; }

    [Display(Name = "代替テキスト")]
    [Required(ErrorMessage = "代替テキスト（画像に何が写っているか）を入力してください。画面を見られない人には、この文が読み上げられます。")]
    [StringLength(500, ErrorMessage = "代替テキストは500文字以内にしてください。")]
    public string AltText { get; set; } = "";
}

public sealed record MediaPage(IReadOnlyList<MediaItem> Items, int Page, int PageCount, int Total, Guid? JustUploaded, MediaUploadForm Form, string CurrentUser, bool CanDeleteAny, IReadOnlyDictionary<Guid, IReadOnlyList<MediaUse>> Usages);

/// <summary>Asks before trashing an image that pages show, naming them.</summary>
public sealed record MediaDeleteConfirmation(MediaItem Item, IReadOnlyList<MediaUse> Usages);

/// <summary>
/// 画像: upload (PNG, JPEG, WebP, checked by content; 5 MB; alt text required), the list
/// with thumbnails, a Markdown snippet and 使用箇所 per image, and delete to the recycle bin (asking first,
/// naming the pages, when a draft or published page shows the image).
/// </summary>
[Route("backoffice/media")]
[Authorize(Policy = BackofficePolicies.EditContent)]
public sealed class MediaController(MediaLibrary media, MediaUsageQuery usages, IAuthorizationService authorization) : Controller
{
    private const int PageSize = 24;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, Guid? uploaded = null, CancellationToken ct = default) =>
        await IndexViewAsync(new MediaUploadForm(), page, uploaded, ct);

    [HttpPost("")]
    [RequestSizeLimit(MediaLimits.MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaLimits.MaxUploadRequestBytes)]
    [RejectOversizedUpload]
    public async Task<IActionResult> Upload(MediaUploadForm form, CancellationToken ct)
    {
        if (form.File is { Length: > MediaLimits.MaxImageBytes } tooLarge)
        {
            ModelState.AddModelError(nameof(form.File), $"画像は5MBまでです。選んだファイルは{Megabytes(tooLarge.Length)}あります。小さくしてからアップロードしてください。");
        }
        else if (form.File is { Length: 0 })
        {
            ModelState.AddModelError(nameof(form.File), "選んだファイルは空です。");
        }

        var user = User.Identity!.Name!;
        if (ModelState.IsValid && await media.UploadsInLastHourAsync(user, ct) >= media.Options.UploadsPerHour)
        {
            // Checked before the file is decoded: a refused upload costs no image work.
            ModelState.AddModelError(nameof(form.File), $"1時間にアップロードできる画像は1人{media.Options.UploadsPerHour:N0}枚までで、この1時間にその枚数をアップロードしています。しばらく時間をおいてから、もう一度お試しください。");
        }

        if (!ModelState.IsValid)
        {
            return await IndexViewAsync(form, 1, null, ct);
        }

        var bytes = new byte[form.File!.Length];
        await using (var stream = form.File.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var image = ImageSniffer.Sniff(bytes);
        if (image is null)
        {
            ModelState.AddModelError(nameof(form.File), "PNG・JPEG・WebP 形式の画像だけをアップロードできます（SVG などは使えません）。選んだファイルの中身は、これらの形式の画像ではありませんでした。");
            return await IndexViewAsync(form, 1, null, ct);
        }

        var (reencoded, refusal) = ImageReencoder.Reencode(bytes, image);
        if (reencoded is null)
        {
            ModelState.AddModelError(nameof(form.File), refusal == ImageReencoder.Refusal.TooManyPixels
                ? $"画像の画素数が多すぎます（{image.Width:N0}×{image.Height:N0}）。4,000万画素（例：8000×5000）までに縮小してからアップロードしてください。"
                : "画像の中身を読み込めませんでした。壊れていない PNG・JPEG・WebP の画像を選んでください。");
            return await IndexViewAsync(form, 1, null, ct);
        }

        // The quota counts what would be stored, the re-encoded bytes.
        var stored = await media.StoredBytesAsync(user, ct);
        if (stored + reencoded.Bytes.Length > media.Options.QuotaBytesPerUser)
        {
            ModelState.AddModelError(nameof(form.File), $"あなたがアップロードした画像の合計が上限（{Size(media.Options.QuotaBytesPerUser)}）を超えるため、この画像は保存できません（保存済み：{Size(stored)}、この画像：{Size(reencoded.Bytes.Length)}）。使わない画像をごみ箱に移し、ごみ箱を空にしてから、もう一度お試しください。ごみ箱の画像も、空にするまでは合計に含まれます（ごみ箱を空にできるのは管理者と広報です）。");
            return await IndexViewAsync(form, 1, null, ct);
        }

        // Only the re-encoded pixels are stored: metadata (GPS position) and anything appended to the file are gone.
        var item = await media.AddAsync(reencoded.Bytes, reencoded.Image, form.File.FileName, form.AltText, user, ct);
        TempData["Notice"] = $"画像「{item.AltText}」をアップロードしました。ページ本文には次のように書くと表示されます：{MediaLibrary.MarkdownSnippet(item)}";
        return Redirect($"/backoffice/media?uploaded={item.Id}#media-{item.Id}");
    }

    /// <summary>The question asked before an image that pages use goes to the recycle bin.</summary>
    [HttpGet("{id:guid}/delete")]
    public async Task<IActionResult> ConfirmDelete(Guid id, CancellationToken ct)
    {
        var (item, denial) = await DeletableAsync(id, ct);
        if (item is null)
        {
            return denial!;
        }

        ViewData["Title"] = "画像をごみ箱へ移動しますか";
        return View("ConfirmDelete", new MediaDeleteConfirmation(item, await usages.ForAsync(item, ct)));
    }

    /// <param name="confirmed">"yes" from the confirmation page; an image in use is never trashed without it.</param>
    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, string? confirmed, CancellationToken ct)
    {
        var (item, denial) = await DeletableAsync(id, ct);
        if (item is null)
        {
            return denial!;
        }

        if (confirmed != "yes" && (await usages.ForAsync(item, ct)).Count > 0)
        {
            return Redirect($"/backoffice/media/{id}/delete");
        }

        await media.MoveToRecycleBinAsync(id, User.Identity!.Name!, ct);
        TempData["Notice"] = $"画像「{item.AltText}」をごみ箱へ移動しました。この画像を使っているページでは表示されなくなります。";
        return Redirect("/backoffice/media");
    }

    private async Task<(MediaItem? Item, IActionResult? Denial)> DeletableAsync(Guid id, CancellationToken ct)
    {
        var item = await media.FindAsync(id, ct);
        if (item is null || item.DeletedUtc is not null)
        {
            return (null, NotFound());
        }

        // Authors may take back their own uploads; removing other people's images is for 管理者 and 広報.
        return item.UploadedBy != User.Identity!.Name && !await CanDeleteAnyAsync() ? (null, Forbid()) : (item, null);
    }

    private async Task<IActionResult> IndexViewAsync(MediaUploadForm form, int page, Guid? uploaded, CancellationToken ct)
    {
        var (items, total) = await media.ListAsync(Math.Max(1, page), PageSize, ct: ct);
        var pageCount = Paging.PageCount(total, PageSize);
        ViewData["Title"] = "画像";
        return View("Index", new MediaPage(items, Math.Clamp(page, 1, pageCount), pageCount, total, uploaded, form, User.Identity!.Name!, await CanDeleteAnyAsync(), await usages.ForAsync(items, ct)));
    }

    private async Task<bool> CanDeleteAnyAsync() => (await authorization.AuthorizeAsync(User, BackofficePolicies.PublishContent)).Succeeded;

    /// <summary>200 MB, 1.5 MB, 800 KB: binary units, as the size limits are.</summary>
    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + "MB";
}

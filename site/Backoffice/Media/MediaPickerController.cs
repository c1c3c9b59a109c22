using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Backoffice.Media;

/// <summary>Where the picker came from and goes back to; carried through every picker page.</summary>
/// <param name="ReturnTo">The editor's path (only /backoffice/goals/… and /backoffice/pages/… are kept).</param>
/// <param name="Field">The textarea id to insert into with JavaScript; empty means the last one focused.</param>
/// <param name="Popup">Opened by the editor's script in a window of its own.</param>
public sealed record PickerContext(string ReturnTo, string Field, bool Popup)
{
    public static PickerContext From(string? returnTo, string? field, bool popup) => new(
        returnTo is not null && (returnTo.StartsWith("/backoffice/goals/", StringComparison.Ordinal) || returnTo.StartsWith("/backoffice/pages/", StringComparison.Ordinal))
            && !returnTo.Contains("//", StringComparison.Ordinal) && !returnTo.Contains('\\', StringComparison.Ordinal)
            ? returnTo
            : "/backoffice/media",
        field is not null && field.Length <= 200 && field.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? field : "",
        popup);
}

public sealed record MediaPickerPage(IReadOnlyList<MediaItem> Items, int Page, int PageCount, int Total, string? Search, PickerContext Context, Guid? RefusedItem, string? TypedAlt);

public sealed record MediaPickerResult(MediaItem Item, string Snippet, PickerContext Context);

/// <summary>
/// 画像を挿入: the editors' picker. A list (and search) of images with thumbnails; choosing one asks for the
/// alt text of this use and gives the Markdown. Without JavaScript it is a page of its own (opened in a new
/// tab, so the editor keeps what was typed) showing the snippet to copy; the editor's script opens it in a
/// window and inserts the snippet at the cursor.
/// </summary>
[Route("backoffice/media/picker")]
[Authorize(Policy = BackofficePolicies.EditContent)]
public sealed class MediaPickerController(MediaLibrary media) : Controller
{
    private const int PageSize = 12;

    [HttpGet("")]
    public Task<IActionResult> Index(string? q, string? returnTo, string? field, bool popup = false, int page = 1, CancellationToken ct = default) =>
        PickerViewAsync(q, PickerContext.From(returnTo, field, popup), page, null, null, ct);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Choose(Guid id, string? alt, string? q, string? returnTo, string? field, bool popup = false, int page = 1, CancellationToken ct = default)
    {
        var context = PickerContext.From(returnTo, field, popup);
        var item = await media.FindAsync(id, ct);
        if (item is null || item.DeletedUtc is not null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(alt) || alt.Length > 500)
        {
            ModelState.AddModelError($"alt-{id:N}", string.IsNullOrWhiteSpace(alt)
                ? "代替テキスト（この画像で何を伝えるか）を入力してください。画面を見られない人には、この文が読み上げられます。"
                : "代替テキストは500文字以内にしてください。");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await PickerViewAsync(q, context, page, id, alt, ct);
        }

        ViewData["Title"] = "画像を挿入";
        return View("PickerResult", new MediaPickerResult(item, MediaLibrary.MarkdownSnippet(item, alt), context));
    }

    private async Task<IActionResult> PickerViewAsync(string? search, PickerContext context, int page, Guid? refused, string? typedAlt, CancellationToken ct)
    {
        search = string.IsNullOrWhiteSpace(search) ? null : search.Trim()[..Math.Min(search.Trim().Length, 100)];
        var (items, total) = await media.ListAsync(Math.Max(1, page), PageSize, search, ct);
        var pageCount = Paging.PageCount(total, PageSize);
        ViewData["Title"] = "画像を挿入";
        return View("Picker", new MediaPickerPage(items, Math.Clamp(page, 1, pageCount), pageCount, total, search, context, refused, typedAlt));
    }
}

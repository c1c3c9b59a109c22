using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Editing;

/// <summary>Checks a document's slug and sort order: the public URL must be ASCII, well-formed and unique in its scope.</summary>
public sealed class PlacementRules(PortalDbContext db)
{
    /// <param name="scope">The document's scope (fy:{id} or page).</param>
    /// <param name="documentId">The document itself (null while creating), which may keep its own slug.</param>
    /// <param name="publishedSlug">The slug residents use now when the document is published, else null.</param>
    /// <param name="publishing">Whether this save also publishes (a published URL only changes then).</param>
    /// <param name="canPublish">Whether the user may publish (the message then says how to change the URL).</param>
    public async Task ValidateAsync(EditorForm form, string scope, Guid? documentId, string? publishedSlug, bool publishing, bool canPublish, FormErrors errors, CancellationToken ct = default)
    {
        var slug = FormValues.Line(form.Slug);
        if (slug is null)
        {
            errors.Add(nameof(EditorForm.Slug), "スラッグ（URL）を入力してください。");
        }
        else if (!SlugRule.IsValid(slug))
        {
            errors.Add(nameof(EditorForm.Slug), $"スラッグは半角英小文字・数字を「-」でつないだ{SlugRule.MaxLength}文字以内にしてください（例：koho-2024）。");
        }
        else if (await db.Documents.AnyAsync(d => d.Scope == scope && d.Slug == slug && d.Id != documentId, ct))
        {
            var deleted = await db.Documents.AnyAsync(d => d.Scope == scope && d.Slug == slug && d.Id != documentId && d.DeletedUtc != null, ct);
            errors.Add(nameof(EditorForm.Slug), deleted
                ? $"スラッグ「{slug}」は、ごみ箱にある文書が使っています。別のスラッグにしてください。"
                : $"スラッグ「{slug}」は同じ場所の別の文書が使っています。別のスラッグにしてください。");
        }
        else if (publishedSlug is not null && slug != publishedSlug && !publishing)
        {
            errors.Add(nameof(EditorForm.Slug), canPublish
                ? $"公開中の文書のURLは公開と同時に変わります。スラッグを「{slug}」にするには「保存して公開」を押してください（古いURLは新しいURLへ転送されます）。"
                : $"公開中の文書のスラッグ（URL）は、公開の権限がある広報・管理者だけが変更できます。「{publishedSlug}」のままにしてください。");
        }

        if (string.IsNullOrWhiteSpace(form.SortOrder))
        {
            errors.Add(nameof(EditorForm.SortOrder), "並び順を入力してください。");
        }
        else if (!FormValues.TryWholeNumber(form.SortOrder, out var sortOrder) || sortOrder is < 0 or > 9999)
        {
            errors.Add(nameof(EditorForm.SortOrder), "並び順は0から9999までの数字で入力してください（小さいほど先）。");
        }

    }
}

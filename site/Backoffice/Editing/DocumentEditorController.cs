using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Kernel.Markdown;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Backoffice.Editing;

/// <summary>What the editors need, in one constructor argument.</summary>
public sealed class EditorServices(
    EditorAccess access,
    ContentStore store,
    PlacementRules placement,
    ApprovalWorkflow approvals,
    PortalDbContext db,
    MarkdownRenderer markdown,
    TimeProvider clock)
{
    public EditorAccess Access { get; } = access;
    public ContentStore Store { get; } = store;
    public PlacementRules Placement { get; } = placement;
    public ApprovalWorkflow Approvals { get; } = approvals;
    public PortalDbContext Db { get; } = db;
    public MarkdownRenderer Markdown { get; } = markdown;
    public TimeProvider Clock { get; } = clock;
}

/// <summary>Why the editor form was submitted (which button).</summary>
public enum SubmitIntent
{
    Save,
    SaveAndPreview,
    Publish,
    RequestApproval,
}

/// <summary>
/// The editor flows goals and pages share: open (with the department check on every request),
/// save with conflict detection, save and publish, 承認依頼, preview, schedule and unpublish.
/// Subclasses say how their form maps to content and how it is validated and previewed.
/// </summary>
[Authorize(Policy = BackofficePolicies.EditContent)]
public abstract class DocumentEditorController<TForm, TContent>(EditorServices services) : Controller
    where TForm : EditorForm
    where TContent : class
{
    protected EditorServices Services { get; } = services;

    protected abstract DocumentKind Kind { get; }

    /// <summary>/backoffice/goals or /backoffice/pages.</summary>
    protected abstract string BasePath { get; }

    protected abstract string EditorView { get; }

    /// <summary>What the document is called in messages: 重点目標 or ページ.</summary>
    protected abstract string Noun { get; }

    protected abstract TForm ToForm(TContent content);

    protected abstract TContent ToContent(TForm form);

    protected abstract void Validate(TForm form, EditableDocument document, FormErrors errors);

    /// <summary>Draws the draft with the public site's own view, as residents will see it once published.</summary>
    protected abstract IActionResult RenderPreview(EditableDocument document, TContent draft);

    /// <summary>Handles a form button other than the save buttons (add/remove/move, preview of Markdown). False: unknown command.</summary>
    protected abstract bool ApplyCommand(TForm form, string command);

    protected string UserName => User.Identity?.Name ?? "unknown";

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var (document, denial) = await Services.Access.OpenAsync(User, id, Kind);
        if (document is null)
        {
            return Deny(denial);
        }

        var form = ToForm(await Services.Store.GetDraftAsync<TContent>(id));
        form.StartFrom(document.Document);
        return await EditorAsync(document, form);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Save(Guid id, TForm form, string? command)
    {
        switch (command)
        {
            case null or "" or "save":
                return await SubmitAsync(id, form, SubmitIntent.Save);
            case "save-and-preview":
                return await SubmitAsync(id, form, SubmitIntent.SaveAndPreview);
        }

        var (document, denial) = await Services.Access.OpenAsync(User, id, Kind);
        if (document is null)
        {
            return Deny(denial);
        }

        if (HasForgedFields(form) || !ApplyCommand(form, command))
        {
            return BadRequest();
        }

        // The form is drawn again from the changed model: posted values of moved or removed
        // items must not win over it, and nothing has been validated yet.
        ModelState.Clear();
        return await EditorAsync(document, form);
    }

    [HttpPost("{id:guid}/publish")]
    [Authorize(Policy = BackofficePolicies.PublishContent)]
    public Task<IActionResult> Publish(Guid id, TForm form) => SubmitAsync(id, form, SubmitIntent.Publish);

    [HttpPost("{id:guid}/request-approval")]
    public Task<IActionResult> RequestApproval(Guid id, TForm form) => SubmitAsync(id, form, SubmitIntent.RequestApproval);

    [HttpGet("{id:guid}/preview")]
    public async Task<IActionResult> Preview(Guid id)
    {
        var (document, denial) = await Services.Access.OpenAsync(User, id, Kind);
        if (document is null)
        {
            return Deny(denial);
        }

        ViewData[nameof(PreviewNotice)] = new PreviewNotice(
            $"{BasePath}/{id}",
            document.Document.DraftVersion,
            document.Document.PublishedVersion is null ? "未公開" : document.Document.PublishedVersion == document.Document.DraftVersion ? "公開中と同じ内容" : $"公開中は第{document.Document.PublishedVersion}版");
        return RenderPreview(document, await Services.Store.GetDraftAsync<TContent>(id));
    }

    [HttpPost("{id:guid}/schedule")]
    [Authorize(Policy = BackofficePolicies.PublishContent)]
    public async Task<IActionResult> Schedule(Guid id, string? publishAt, string? unpublishAt, string? command)
    {
        var (document, denial) = await Services.Access.OpenAsync(User, id, Kind);
        if (document is null)
        {
            return Deny(denial);
        }

        if (command == "clear-schedule")
        {
            await Services.Store.ScheduleAsync(id, null, null, UserName);
            TempData["Notice"] = "公開と公開停止の予約を取り消しました。";
            return Redirect($"{BasePath}/{id}#schedule");
        }

        var errors = new FormErrors();
        var now = Services.Clock.GetUtcNow().UtcDateTime;
        var publishUtc = ReadScheduleTime(publishAt, nameof(EditorForm.PublishAt), "公開予約日時", now, errors);
        var unpublishUtc = ReadScheduleTime(unpublishAt, nameof(EditorForm.UnpublishAt), "公開停止予約日時", now, errors);
        if (publishUtc is { } start && unpublishUtc is { } end && end <= start)
        {
            errors.Add(nameof(EditorForm.UnpublishAt), "公開停止予約日時は、公開予約日時より後にしてください。");
        }
        else if (unpublishUtc is not null && publishUtc is null && document.Document.PublishedVersion is null)
        {
            errors.Add(nameof(EditorForm.UnpublishAt), $"この{Noun}は公開されていません。公開停止を予約するには、公開予約日時も入力してください。");
        }

        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            var form = ToForm(await Services.Store.GetDraftAsync<TContent>(id));
            form.StartFrom(document.Document);
            form.PublishAt = publishAt;
            form.UnpublishAt = unpublishAt;
            return await EditorAsync(document, form);
        }

        await Services.Store.ScheduleAsync(id, publishUtc, unpublishUtc, UserName);
        TempData["Notice"] = (publishUtc, unpublishUtc) switch
        {
            (null, null) => "予約はありません。",
            ({ } p, null) => $"{TokyoTime.LongDateTime(p)}（日本時間）に公開するよう予約しました。その時点の下書きが公開されます。",
            (null, { } u) => $"{TokyoTime.LongDateTime(u)}（日本時間）に公開を停止するよう予約しました。",
            ({ } p, { } u) => $"{TokyoTime.LongDateTime(p)}に公開し、{TokyoTime.LongDateTime(u)}に公開を停止するよう予約しました（日本時間）。",
        };
        return Redirect($"{BasePath}/{id}#schedule");
    }

    [HttpPost("{id:guid}/unpublish")]
    [Authorize(Policy = BackofficePolicies.PublishContent)]
    public async Task<IActionResult> Unpublish(Guid id)
    {
        var (document, denial) = await Services.Access.OpenAsync(User, id, Kind);
        if (document is null)
        {
            return Deny(denial);
        }

        if (document.Document.PublishedVersion is null)
        {
            TempData["Notice"] = $"この{Noun}は公開されていません。";
        }
        else
        {
            await Services.Store.UnpublishAsync(id, UserName);
            TempData["Notice"] = $"公開を停止しました。{document.PublicPath} は表示されなくなりました（下書きは残っています）。";
        }

        return Redirect($"{BasePath}/{id}");
    }

    /// <summary>Validate, detect conflicts, save (and publish or ask for approval), then redirect; or draw the form again.</summary>
    private async Task<IActionResult> SubmitAsync(Guid id, TForm form, SubmitIntent intent)
    {
        var (document, denial) = await Services.Access.OpenAsync(User, id, Kind);
        if (document is null)
        {
            return Deny(denial);
        }

        if (HasForgedFields(form) || form.ConcurrencyStamp == Guid.Empty)
        {
            return BadRequest();
        }

        // First the conflict: the rules below judge the input against the current document, which
        // the person has not seen yet. A different stamp alone is not a conflict (publishing and
        // unpublishing change it too); it is one when the draft, the slug or the sort order moved on.
        var current = document.Document;
        if (form.ConcurrencyStamp != current.ConcurrencyStamp && SomeoneElseChanged(form, current))
        {
            return await ConflictAsync(document, form);
        }

        var canPublish = await Services.Access.CanPublishAsync(User);
        var errors = new FormErrors();
        Validate(form, document, errors);
        await Services.Placement.ValidateAsync(form, current.Scope, id, current.PublishedVersion is null ? null : current.Slug,
            publishing: intent == SubmitIntent.Publish, canPublish, errors);
        if (intent == SubmitIntent.RequestApproval)
        {
            errors.MaxLength(nameof(EditorForm.ApprovalNote), form.ApprovalNote, "広報へのメッセージ", FormValues.NoteLength);
        }

        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return await EditorAsync(document, form);
        }

        EditOutcome outcome;
        try
        {
            var content = ToContent(form);
            outcome = intent == SubmitIntent.Publish
                ? await Services.Store.PublishEditAsync(id, content, form.Placement(), UserName, current.ConcurrencyStamp)
                : await Services.Store.SaveEditAsync(id, content, form.Placement(), UserName, current.ConcurrencyStamp);
        }
        catch (ContentConflictException)
        {
            // Someone saved between our check and our write.
            var (reloaded, _) = await Services.Access.OpenAsync(User, id, Kind);
            return reloaded is null ? NotFound() : await ConflictAsync(reloaded, form);
        }
        catch (SlugTakenException taken)
        {
            ModelState.AddModelError(nameof(EditorForm.Slug), $"スラッグ「{taken.Slug}」は同じ場所の別の文書が使っています。別のスラッグにしてください。");
            return await EditorAsync(document, form);
        }

        var saved = outcome.ContentChanged ? $"第{outcome.DraftVersion}版として下書きを保存しました。" : outcome.NothingChanged ? "変更はありませんでした。" : "保存しました。";
        switch (intent)
        {
            case SubmitIntent.SaveAndPreview:
                return Redirect($"{BasePath}/{id}/preview");
            case SubmitIntent.Publish:
                var path = document.PathWithSlug(form.Placement().Slug);
                TempData["Notice"] = $"第{outcome.DraftVersion}版を公開しました。公開ページ {path} にすぐ反映されています。"
                    + (outcome.SlugChanged && current.PublishedVersion is not null ? $" 古いURL {document.PublicPath} は新しいURLへ転送されます。" : "");
                break;
            case SubmitIntent.RequestApproval when outcome.DraftVersion == current.PublishedVersion:
                TempData["Notice"] = "公開中の内容と同じため、承認依頼は送りませんでした。内容を変えてから依頼してください。";
                break;
            case SubmitIntent.RequestApproval:
                await Services.Approvals.RequestAsync(id, outcome.DraftVersion, UserName, FormValues.Text(form.ApprovalNote));
                TempData["Notice"] = $"{saved} 第{outcome.DraftVersion}版の公開を広報に依頼しました（承認依頼）。";
                break;
            default:
                TempData["Notice"] = saved;
                break;
        }

        return Redirect($"{BasePath}/{id}");
    }

    private static bool SomeoneElseChanged(EditorForm form, ContentDocument current) =>
        form.BaseVersion != current.DraftVersion || form.OriginalSlug != current.Slug || form.OriginalSortOrder != current.SortOrder;

    /// <summary>Shows what changed since the form was drawn; keeps the typed input; saves nothing.</summary>
    private async Task<IActionResult> ConflictAsync(EditableDocument document, TForm form)
    {
        var current = document.Document;
        var baseContent = await Services.Db.Versions.AsNoTracking()
            .Where(v => v.DocumentId == current.Id && v.Number == form.BaseVersion)
            .Select(v => v.Json)
            .SingleOrDefaultAsync();
        var draft = await Services.Store.GetDraftAsync<TContent>(current.Id);
        var changes = ContentDiff.Compare(baseContent is null ? null : ContentJson.Deserialize<TContent>(baseContent), draft).ToList();
        if (form.OriginalSlug != current.Slug)
        {
            changes.Insert(0, new FieldChange("スラッグ（URL）", form.OriginalSlug, current.Slug));
        }

        if (form.OriginalSortOrder != current.SortOrder)
        {
            changes.Insert(0, new FieldChange("並び順", form.OriginalSortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture), current.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var target = $"{current.Kind.ToString().ToLowerInvariant()}:{current.Id}";
        var lastChange = await Services.Db.AuditEntries.AsNoTracking()
            .Where(a => a.Target == target)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Actor, a.Utc })
            .FirstOrDefaultAsync();

        form.Conflict = new EditConflict(lastChange?.Actor ?? "不明", lastChange?.Utc ?? current.UpdatedUtc, form.BaseVersion, current.DraftVersion, changes);
        form.RebaseOnto(current);
        foreach (var hidden in EditorForm.HiddenFields)
        {
            ModelState.Remove(hidden);
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return await EditorAsync(document, form);
    }

    /// <summary>Hidden fields that did not bind (not a Guid, not a number) were not typed by a person: refuse with 400.</summary>
    protected bool HasForgedFields(EditorForm form)
    {
        string[] machineFields = [.. EditorForm.HiddenFields, "FiscalYearId", "SdgGoals"];
        return ModelState.Any(entry => entry.Value is { Errors.Count: > 0 }
            && machineFields.Any(field => entry.Key == field || entry.Key.StartsWith(field + "[", StringComparison.Ordinal)));
    }

    protected async Task<IActionResult> EditorAsync(EditableDocument document, TForm form)
    {
        form.State = await StateAsync(document);
        ViewData["Title"] = $"{Noun}の編集：{form.State.Title}";
        return View(EditorView, form);
    }

    protected async Task<EditorState> StateAsync(EditableDocument editable)
    {
        var document = editable.Document;
        var draft = await Services.Db.Versions.AsNoTracking()
            .Where(v => v.DocumentId == document.Id && v.Number == document.DraftVersion)
            .Select(v => new { v.Title, v.CreatedBy, v.CreatedUtc })
            .SingleAsync();
        return new EditorState
        {
            DocumentId = document.Id,
            EditorPath = $"{BasePath}/{document.Id}",
            PathPrefix = editable.PathPrefix,
            PathSuffix = editable.PathSuffix,
            DepartmentName = editable.Department?.Name,
            YearLabel = editable.FiscalYear is { } year ? JapaneseFiscalYear.Label(year.Year) : null,
            FiscalYear = editable.FiscalYear?.Year,
            Title = draft.Title,
            DraftVersion = document.DraftVersion,
            PublishedVersion = document.PublishedVersion,
            LivePath = document.PublishedVersion is null ? null : editable.PublicPath,
            ScheduledPublishUtc = document.ScheduledPublishUtc,
            ScheduledUnpublishUtc = document.ScheduledUnpublishUtc,
            LastSavedBy = draft.CreatedBy,
            LastSavedUtc = draft.CreatedUtc,
            CanPublish = await Services.Access.CanPublishAsync(User),
            LatestApproval = await Services.Approvals.LatestForAsync(document.Id),
        };
    }

    protected IActionResult Deny(EditorDenial denial) => denial == EditorDenial.Forbidden ? Forbid() : NotFound();

    private static DateTime? ReadScheduleTime(string? value, string field, string label, DateTime now, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!TokyoTime.TryParseLocalInput(value, out var utc))
        {
            errors.Add(field, $"{label}は 2024-10-01T09:00 の形の、存在する日時にしてください（日本時間）。");
            return null;
        }

        if (utc <= now)
        {
            errors.Add(field, $"{label}は、いまより後の日時にしてください（日本時間）。");
            return null;
        }

        return utc;
    }
}

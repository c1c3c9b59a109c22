using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Backoffice.Editing.Pages;

/// <summary>The page editor (about, privacy…): /backoffice/pages/{id}, its preview, publishing, and /backoffice/pages/new.</summary>
[Route("backoffice/pages")]
public sealed class PageEditorController(EditorServices services) : DocumentEditorController<PageForm, PageContent>(services)
{
    private const string EditorViewPath = "~/Backoffice/Views/Editing/Page.cshtml";

    /// <summary>Site-wide pages belong to no department: only 管理者 and 広報 edit them.</summary>
    private static readonly ContentArea SitePages = new(null);

    protected override DocumentKind Kind => DocumentKind.Page;

    protected override string BasePath => "/backoffice/pages";

    protected override string EditorView => EditorViewPath;

    protected override string Noun => "ページ";

    protected override PageForm ToForm(PageContent content) => PageForm.From(content);

    protected override PageContent ToContent(PageForm form) => form.ToContent();

    protected override void Validate(PageForm form, EditableDocument document, FormErrors errors) => PageForm.Validate(form, errors);

    /// <summary>"プレビューを表示": the body through the public site's Markdown renderer, under the textarea, nothing saved.</summary>
    protected override bool ApplyCommand(PageForm form, string command)
    {
        if (command != "render-body")
        {
            return false;
        }

        form.RenderedBody = Services.Markdown.Render(FormValues.Text(form.Body));
        form.CommandMessage = "本文のプレビューを更新しました（まだ保存されていません）。";
        return true;
    }

    protected override IActionResult RenderPreview(EditableDocument document, PageContent draft)
    {
        var page = new PublishedPage(document.Document.Id, document.Document.Slug, document.Document.SortOrder, document.Document.DraftVersion,
            Services.Clock.GetUtcNow().UtcDateTime, draft);
        ViewData[nameof(PageMeta)] = new PageMeta($"プレビュー：{draft.Title}", draft.Summary ?? draft.Title, page.Url)
        {
            NoIndex = true,
            Breadcrumbs = [new("ホーム", "/"), new(draft.Title, null)],
        };
        return View("~/Public/Views/Content/Page.cshtml", page);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New()
    {
        if (!await Services.Access.CanEditAsync(User, SitePages))
        {
            return Forbid();
        }

        var last = await Services.Db.Documents.Where(d => d.Kind == DocumentKind.Page).MaxAsync(d => (int?)d.SortOrder) ?? 0;
        return NewPageView(new PageForm { SortOrder = (last + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(PageForm form, string? command)
    {
        if (!await Services.Access.CanEditAsync(User, SitePages))
        {
            return Forbid();
        }

        if (HasForgedFields(form))
        {
            return BadRequest();
        }

        if (command is not (null or "" or "save"))
        {
            if (!ApplyCommand(form, command))
            {
                return BadRequest();
            }

            ModelState.Clear();
            return NewPageView(form);
        }

        var errors = new FormErrors();
        PageForm.Validate(form, errors);
        await Services.Placement.ValidateAsync(form, ContentDocument.PageScope, documentId: null, publishedSlug: null,
            publishing: false, canPublish: await Services.Access.CanPublishAsync(User), errors);
        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return NewPageView(form);
        }

        try
        {
            var document = await Services.Store.CreateAsync(DocumentKind.Page, null, form.Placement(), form.ToContent(), UserName);
            TempData["Notice"] = "ページを作成し、第1版として下書き保存しました（まだ公開されていません）。";
            return Redirect($"{BasePath}/{document.Id}");
        }
        catch (SlugTakenException taken)
        {
            ModelState.AddModelError(nameof(EditorForm.Slug), $"スラッグ「{taken.Slug}」はほかのページが使っています。別のスラッグにしてください。");
            return NewPageView(form);
        }
    }

    private ViewResult NewPageView(PageForm form)
    {
        form.State = new EditorState
        {
            EditorPath = $"{BasePath}/new",
            PathPrefix = PublicPaths.Page(""),
            Title = "新しいページ",
        };
        ViewData["Title"] = "ページの作成";
        return View(EditorViewPath, form);
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Backoffice.Editing.Pages;

/// <summary>A generic page (about, privacy…) as an HTML form: title, summary and Markdown body.</summary>
public sealed class PageForm : EditorForm
{
    public const int SummaryLength = 300;
    public const int BodyLength = 20000;

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    /// <summary>The body rendered by the public site's Markdown renderer, shown under the textarea on request.</summary>
    [BindNever]
    public Microsoft.AspNetCore.Html.IHtmlContent? RenderedBody { get; set; }

    public static PageForm From(PageContent page) => new() { Title = page.Title, Summary = page.Summary, Body = page.Body };

    public PageContent ToContent() => new()
    {
        Title = FormValues.Line(Title) ?? "",
        Summary = FormValues.Line(Summary),
        Body = FormValues.Text(Body) ?? "",
    };

    public static void Validate(PageForm form, FormErrors errors)
    {
        errors.Required(nameof(Title), form.Title, "タイトル", FormValues.TitleLength);
        errors.MaxLength(nameof(Summary), form.Summary, "概要", SummaryLength);
        errors.Required(nameof(Body), form.Body, "本文", BodyLength);
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace UedaPublicGoals.Kernel.Forms;

// The form conventions of the Digital Agency design system, for every form of the portal:
// aria-invalid and aria-describedby on a field, its error paragraph, and the error summary.
// They live in the kernel because the host's views and the feedback module's views both use them.

/// <summary>Marks an invalid field for assistive technology and points it at its error and hint.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
public sealed class AccessibleFieldTagHelper : TagHelper
{
    // After the built-in input/textarea/select helpers have set id and name.
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>Optional id of a hint paragraph that describes the field.</summary>
    [HtmlAttributeName("hint-id")]
    public string? HintId { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var describedBy = new List<string>();
        if (!string.IsNullOrEmpty(HintId))
        {
            describedBy.Add(HintId);
        }

        if (ViewContext.ModelState.TryGetValue(name, out var entry) && entry.ValidationState == ModelValidationState.Invalid)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            describedBy.Add(TagBuilder.CreateSanitizedId(name, "_") + "-error");
        }

        if (describedBy.Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
        }
    }
}

/// <summary>&lt;field-error for="Form.Text" /&gt;: the field's first error, or nothing.</summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "form-error");
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(name, "_") + "-error");
        output.Content.SetContent(entry.Errors[0].ErrorMessage);
    }
}

/// <summary>&lt;error-summary /&gt;: every error at the top of the form, each linking to its field.</summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>Heading of the box; the default suits a form with mistakes.</summary>
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "入力内容を確認してください";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ModelState
            .Where(e => e.Value is { ValidationState: ModelValidationState.Invalid })
            .SelectMany(e => e.Value!.Errors.Take(1).Select(error => (e.Key, error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        var heading = new TagBuilder("h2");
        heading.AddCssClass("error-summary__title");
        heading.InnerHtml.Append(Title);
        output.Content.AppendHtml(heading);
        output.Content.AppendHtml("<ul>");
        foreach (var (key, message) in errors)
        {
            output.Content.AppendHtml("<li>");
            if (string.IsNullOrEmpty(key))
            {
                output.Content.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + TagBuilder.CreateSanitizedId(key, "_");
                link.InnerHtml.Append(message);
                output.Content.AppendHtml(link);
            }

            output.Content.AppendHtml("</li>");
        }

        output.Content.AppendHtml("</ul>");
    }
}

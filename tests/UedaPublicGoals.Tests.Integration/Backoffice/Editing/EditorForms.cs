using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

public static class EditorPages
{
    public const string Koho = "koho";

    /// <summary>Reads the editor form (#editor-form, or the form posting to <paramref name="formAction"/>) of a page.</summary>
    public static async Task<SubmittedForm> ReadFormAsync(this BackofficeSession session, string page, string? formAction = null)
    {
        var response = await session.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        return FormOf(document, formAction);
    }

    public static SubmittedForm FormOf(IDocument document, string? formAction = null)
    {
        var form = formAction is null
            ? document.QuerySelector("#editor-form") as IHtmlFormElement
            : document.QuerySelectorAll("form").OfType<IHtmlFormElement>().SingleOrDefault(f => f.GetAttribute("action") == formAction);
        Assert.True(form is not null, $"no form {formAction ?? "#editor-form"} on the page");
        return SubmittedForm.From(form!);
    }

    public static Task<HttpResponseMessage> PostAsync(this BackofficeSession session, string action, SubmittedForm form) =>
        session.Client.PostAsync(action, form.ToContent());

    public static Guid GoalId(PortalFactory portal, string slug) =>
        portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal(slug)!.DocumentId;

    public static Guid PageId(PortalFactory portal, string slug) => portal.ReadModel.Current.FindPage(slug)!.DocumentId;

    public static async Task<T> InDatabaseAsync<T>(PortalFactory portal, Func<PortalDbContext, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<ContentDocument> DocumentAsync(PortalFactory portal, Guid id) =>
        InDatabaseAsync(portal, db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == id));

    public static Task<int> SeisakuKikakuIdAsync(PortalFactory portal) =>
        InDatabaseAsync(portal, db => db.Departments.Where(d => d.Slug == "seisaku-kikaku").Select(d => d.Id).SingleAsync());

    public static Task<int> R6YearIdAsync(PortalFactory portal) =>
        InDatabaseAsync(portal, db => db.FiscalYears.Where(y => y.Slug == "r6" && y.Department!.Slug == "seisaku-kikaku").Select(y => y.Id).SingleAsync());

    /// <summary>The id the form tag helpers give the field named <paramref name="name"/> (Initiatives[0].Title → Initiatives_0__Title).</summary>
    public static string FieldId(string name) => name.Replace('[', '_').Replace(']', '_').Replace('.', '_');

    /// <summary>The message stands next to the field, the field is marked invalid and described by it, and the summary links to it.</summary>
    public static void AssertFieldError(IDocument page, string field, string expected)
    {
        var id = FieldId(field);
        var error = page.GetElementById(id + "-error");
        Assert.True(error is not null, $"no error shown next to {field}");
        Assert.Contains(expected, error!.TextContent);
        var input = page.GetElementById(id)!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(id + "-error", input.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{id}']"));
    }
}

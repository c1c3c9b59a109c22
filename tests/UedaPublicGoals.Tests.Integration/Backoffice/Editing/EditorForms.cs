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
}

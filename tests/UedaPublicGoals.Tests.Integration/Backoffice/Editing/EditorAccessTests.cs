using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>
/// Every endpoint the editor adds is behind a login and a policy, and the department check runs
/// on every request (not by hiding links): each role boundary answers 403.
/// </summary>
public sealed class EditorAccessTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private string Koho => $"/backoffice/goals/{EditorPages.GoalId(portal, EditorPages.Koho)}";

    private string About => $"/backoffice/pages/{EditorPages.PageId(portal, "about")}";

    /// <summary>A second department with a goal of its own, so department boundaries can be crossed.</summary>
    private async Task<(int DepartmentId, int YearId)> AddSecondDepartmentAsync() =>
        await EditorPages.InDatabaseAsync(portal, async db =>
        {
            var department = new Department
            {
                Slug = "kenko-kodomo",
                Name = "健康こども未来部",
                SortOrder = 2,
                FiscalYears = [new FiscalYear { Year = 2024, Slug = "r6", Heading = "令和6年度 重点目標" }],
            };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            return (department.Id, department.FiscalYears[0].Id);
        });

    [Fact]
    public async Task Every_editor_page_and_action_sends_anonymous_visitors_to_the_login_page()
    {
        var yearId = await EditorPages.R6YearIdAsync(portal);
        string[] pages =
        [
            Koho, $"{Koho}/preview", $"/backoffice/goals/new?fiscalYear={yearId}",
            About, $"{About}/preview", "/backoffice/pages/new",
            "/backoffice/approvals", "/backoffice/approvals/1", "/backoffice/redirects",
        ];
        string[] actions =
        [
            Koho, $"{Koho}/publish", $"{Koho}/request-approval", $"{Koho}/schedule", $"{Koho}/unpublish", "/backoffice/goals/new",
            About, $"{About}/publish", $"{About}/schedule", $"{About}/unpublish", "/backoffice/pages/new",
            "/backoffice/approvals/1/approve", "/backoffice/approvals/1/reject", "/backoffice/redirects/1/delete",
        ];
        var client = BackofficeSession.Open(portal).Client;
        foreach (var path in pages)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path}: {response.StatusCode}");
            Assert.StartsWith("/backoffice/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
        }

        foreach (var path in actions)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "x" }));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {path}: {response.StatusCode}");
            Assert.StartsWith("/backoffice/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_department_author_edits_their_department_but_cannot_publish_unpublish_schedule_or_review()
    {
        var departmentId = await EditorPages.SeisakuKikakuIdAsync(portal);
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, departmentId);
        var session = await BackofficeSession.LogInAsync(portal, email);

        var editor = HtmlText.Parse(await session.Client.GetStringAsync(Koho));
        Assert.NotNull(editor.QuerySelector($"button[formaction='{Koho}/request-approval']"));
        Assert.Null(editor.QuerySelector($"button[formaction='{Koho}/publish']"));
        Assert.Null(editor.QuerySelector($"form[action='{Koho}/schedule']"));
        Assert.Null(editor.QuerySelector($"button[formaction='{Koho}/schedule']"));

        // The buttons are hidden, and the endpoints refuse too.
        var form = EditorPages.FormOf(editor);
        var token = form["__RequestVerificationToken"];
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync($"{Koho}/publish", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.PostAsync($"{Koho}/unpublish", Token(token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.PostAsync($"{Koho}/schedule", Token(token, ("PublishAt", "2099-01-01T09:00")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync("/backoffice/approvals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync("/backoffice/redirects")).StatusCode);

        // Site-wide pages belong to no department.
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync(About)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync("/backoffice/pages/new")).StatusCode);

        var document = await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, EditorPages.Koho));
        Assert.Equal(1, document.PublishedVersion);
        Assert.Null(document.ScheduledPublishUtc);
    }

    [Fact]
    public async Task A_department_author_cannot_open_save_preview_or_create_in_another_department()
    {
        var (otherDepartment, otherYear) = await AddSecondDepartmentAsync();
        var outsider = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, otherDepartment);
        var insider = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, await EditorPages.SeisakuKikakuIdAsync(portal));

        // The insider's form, posted by the outsider with the outsider's own token.
        var form = await (await BackofficeSession.LogInAsync(portal, insider)).ReadFormAsync(Koho);
        var session = await BackofficeSession.LogInAsync(portal, outsider);
        form["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync("/backoffice/");
        form["Title"] = "よその部局の担当者が書き換えた題名";

        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync(Koho)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"{Koho}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync(Koho, form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync($"{Koho}/request-approval", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync(Koho, form.With("command", "add-initiative"))).StatusCode);
        var yearId = await EditorPages.R6YearIdAsync(portal);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"/backoffice/goals/new?fiscalYear={yearId}")).StatusCode);

        // Their own department is open to them.
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"/backoffice/goals/new?fiscalYear={otherYear}")).StatusCode);
        // The content tree shows the other department's goals without editor links.
        var tree = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/"));
        Assert.Null(tree.QuerySelector($"a[href='{Koho}']"));

        var document = await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, EditorPages.Koho));
        Assert.Equal(1, document.DraftVersion);
        Assert.Equal(0, await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.CountAsync()));
    }

    [Fact]
    public async Task A_planning_officer_cannot_edit_content()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PlanningOfficer);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var token = await session.AntiforgeryTokenAsync("/backoffice/");
        var yearId = await EditorPages.R6YearIdAsync(portal);

        foreach (var path in new[] { Koho, $"{Koho}/preview", About, $"/backoffice/goals/new?fiscalYear={yearId}", "/backoffice/pages/new", "/backoffice/approvals", "/backoffice/redirects" })
        {
            Assert.True((await session.Client.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, $"GET {path}");
        }

        foreach (var path in new[] { Koho, $"{Koho}/publish", $"{Koho}/request-approval", About, "/backoffice/pages/new" })
        {
            Assert.True((await session.Client.PostAsync(path, Token(token, ("Title", "x")))).StatusCode == HttpStatusCode.Forbidden, $"POST {path}");
        }
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_refused_with_400_and_change_nothing()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var form = (await session.ReadFormAsync(Koho)).Without("__RequestVerificationToken");
        form["Title"] = "トークンなしの題名";

        foreach (var path in new[] { Koho, $"{Koho}/publish", $"{Koho}/request-approval", $"{Koho}/schedule", $"{Koho}/unpublish", "/backoffice/goals/new", "/backoffice/approvals/1/approve", "/backoffice/redirects/1/delete" })
        {
            var response = await session.PostAsync(path, form);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path}: {response.StatusCode}");
        }

        var document = await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, EditorPages.Koho));
        Assert.Equal(1, document.DraftVersion);
        Assert.Equal(1, document.PublishedVersion);
    }

    [Fact]
    public async Task Forged_document_and_fiscal_year_ids_and_hidden_fields_get_404_or_400()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.Administrator);
        var session = await BackofficeSession.LogInAsync(portal, email);

        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/backoffice/goals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/backoffice/goals/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/backoffice/goals/{EditorPages.PageId(portal, "about")}")).StatusCode); // a page is not a goal
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/backoffice/pages/{Guid.NewGuid()}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/backoffice/goals/new?fiscalYear=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.Client.GetAsync("/backoffice/goals/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/backoffice/approvals/99999")).StatusCode);

        var form = await session.ReadFormAsync(Koho);
        Assert.Equal(HttpStatusCode.NotFound, (await session.PostAsync($"/backoffice/goals/{Guid.NewGuid()}", form)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync(Koho, form.With("command", "delete-everything"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync(Koho, form.With("command", "remove-initiative:9"))).StatusCode);
        form.Without("command");
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync(Koho, form.With("ConcurrencyStamp", "not-a-guid"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync(Koho, form.With("ConcurrencyStamp", Guid.Empty.ToString()))).StatusCode);

        var create = await session.ReadFormAsync($"/backoffice/goals/new?fiscalYear={await EditorPages.R6YearIdAsync(portal)}");
        Assert.Equal(HttpStatusCode.NotFound, (await session.PostAsync("/backoffice/goals/new", create.With("FiscalYearId", "99999"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync("/backoffice/goals/new", create.With("FiscalYearId", "r6"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync("/backoffice/goals/new", create.Without("FiscalYearId"))).StatusCode);
        Assert.Equal(4, await EditorPages.InDatabaseAsync(portal, db => db.Documents.CountAsync(d => d.Kind == DocumentKind.Goal)));
    }

    private static FormUrlEncodedContent Token(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
}

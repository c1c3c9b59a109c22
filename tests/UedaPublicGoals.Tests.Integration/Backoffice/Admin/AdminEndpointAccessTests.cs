using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>
/// Every administration endpoint, checked through the real pipeline: anonymous visitors
/// are sent to the login page, each role gets 403 where its policy does not reach, and a
/// POST without an antiforgery token is refused with 400. Nothing here may change data,
/// so one portal serves the whole class.
/// </summary>
public sealed class AdminEndpointAccessTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private enum Needs
    {
        /// <summary>管理者 only.</summary>
        Administer,

        /// <summary>管理者, 広報.</summary>
        PublishContent,

        /// <summary>管理者, 広報, 部局担当 (their department's goals).</summary>
        EditContent,
    }

    private static readonly (string Path, Needs Needs)[] Pages =
    [
        ("/backoffice/structure", Needs.PublishContent),
        ("/backoffice/structure/departments/new", Needs.PublishContent),
        ("/backoffice/structure/departments/{department}", Needs.PublishContent),
        ("/backoffice/structure/departments/{department}/years/new", Needs.PublishContent),
        ("/backoffice/structure/years/{year}", Needs.PublishContent),
        ("/backoffice/recycle-bin", Needs.PublishContent),
        ("/backoffice/recycle-bin/empty", Needs.Administer),
        ("/backoffice/documents/{goal}/history", Needs.EditContent),
        ("/backoffice/documents/{goal}/history/1", Needs.EditContent),
        ("/backoffice/documents/{goal}/history/compare?from=1&to=1", Needs.EditContent),
        ("/backoffice/media", Needs.EditContent),
        ("/backoffice/audit", Needs.Administer),
        ("/backoffice/users", Needs.Administer),
        ("/backoffice/users/new", Needs.Administer),
        ("/backoffice/users/{user}", Needs.Administer),
        ("/backoffice/users/roles", Needs.Administer),
        ("/backoffice/glossary", Needs.PublishContent),
        ("/backoffice/glossary/new", Needs.PublishContent),
        ("/backoffice/glossary/{glossary}", Needs.PublishContent),
        ("/backoffice/readings", Needs.PublishContent),
        ("/backoffice/synonyms", Needs.PublishContent),
    ];

    private static readonly (string Path, Needs Needs)[] Posts =
    [
        ("/backoffice/structure/departments/new", Needs.PublishContent),
        ("/backoffice/structure/departments/{department}", Needs.PublishContent),
        ("/backoffice/structure/departments/{department}/move", Needs.PublishContent),
        ("/backoffice/structure/departments/{department}/delete", Needs.PublishContent),
        ("/backoffice/structure/departments/{department}/years/new", Needs.PublishContent),
        ("/backoffice/structure/years/{year}", Needs.PublishContent),
        ("/backoffice/structure/years/{year}/delete", Needs.PublishContent),
        ("/backoffice/structure/documents/{goal}/move", Needs.PublishContent),
        ("/backoffice/structure/documents/{goal}/delete", Needs.PublishContent),
        ("/backoffice/recycle-bin/restore", Needs.PublishContent),
        ("/backoffice/recycle-bin/empty", Needs.Administer),
        ("/backoffice/documents/{goal}/history/1/rollback", Needs.EditContent),
        ("/backoffice/media", Needs.EditContent),
        ("/backoffice/media/{media}/delete", Needs.EditContent),
        ("/backoffice/users/new", Needs.Administer),
        ("/backoffice/users/{user}", Needs.Administer),
        ("/backoffice/users/{user}/disable", Needs.Administer),
        ("/backoffice/users/{user}/enable", Needs.Administer),
        ("/backoffice/users/{user}/reset-password", Needs.Administer),
        ("/backoffice/users/{user}/end-sessions", Needs.Administer),
        ("/backoffice/users/{user}/unlock", Needs.Administer),
        ("/backoffice/users/roles", Needs.Administer),
        ("/backoffice/glossary/new", Needs.PublishContent),
        ("/backoffice/glossary/{glossary}", Needs.PublishContent),
        ("/backoffice/glossary/{glossary}/delete", Needs.PublishContent),
        ("/backoffice/readings", Needs.PublishContent),
        ("/backoffice/readings/{reading}/delete", Needs.PublishContent),
        ("/backoffice/synonyms", Needs.PublishContent),
        ("/backoffice/synonyms/{synonym}/delete", Needs.PublishContent),
    ];

    public static TheoryData<string> PagePaths() => [.. Pages.Select(p => p.Path)];

    public static TheoryData<string> PostPaths() => [.. Posts.Select(p => p.Path)];

    private async Task<string> ResolveAsync(string path)
    {
        var department = await portal.SeisakuKikakuIdAsync();
        var year = await portal.QueryAsync(db => db.FiscalYears.Where(y => y.DepartmentId == department).Select(y => y.Id).SingleAsync());
        var user = await portal.QueryAsync(db => db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        var glossary = await portal.QueryAsync(db => db.GlossaryTerms.MinAsync(t => t.Id));
        var reading = await portal.QueryAsync(db => db.ReadingList.MinAsync(r => r.Id));
        var synonym = await portal.QueryAsync(db => db.SearchSynonyms.MinAsync(r => r.Id));
        return path
            .Replace("{department}", department.ToString(), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(), StringComparison.Ordinal)
            .Replace("{goal}", portal.GoalId("koho").ToString(), StringComparison.Ordinal)
            .Replace("{user}", user, StringComparison.Ordinal)
            .Replace("{media}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{glossary}", glossary.ToString(), StringComparison.Ordinal)
            .Replace("{reading}", reading.ToString(), StringComparison.Ordinal)
            .Replace("{synonym}", synonym.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A fingerprint of everything these endpoints could change.</summary>
    private Task<string> StateAsync() => portal.QueryAsync(async db =>
        string.Join("|",
            await db.Departments.CountAsync(d => d.DeletedUtc == null),
            await db.FiscalYears.CountAsync(y => y.DeletedUtc == null),
            await db.Documents.CountAsync(d => d.DeletedUtc == null),
            await db.Versions.CountAsync(),
            await db.Users.CountAsync(u => !u.IsDisabled),
            await db.RoleClaims.CountAsync(),
            await db.Media.CountAsync(),
            string.Join(",", await db.GlossaryTerms.OrderBy(t => t.Id).Select(t => t.Term + t.Definition + t.IsPublished).ToListAsync()),
            await db.ReadingList.CountAsync(),
            await db.SearchSynonyms.CountAsync(),
            string.Join(",", await db.Departments.OrderBy(d => d.Id).Select(d => d.SortOrder + d.Name).ToListAsync()),
            string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.SecurityStamp).ToListAsync())));

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string path)
    {
        var response = await BackofficeSession.Open(portal).Client.GetAsync(await ResolveAsync(path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(PostPaths))]
    public async Task Anonymous_posts_are_sent_to_the_login_page_and_change_nothing(string path)
    {
        var before = await StateAsync();
        var session = BackofficeSession.Open(portal);

        // Even with a valid (anonymous) antiforgery token from the login page.
        var response = await session.PostFormAsync("/backoffice/login", await ResolveAsync(path), new() { ["direction"] = "Up", ["kind"] = "Goal", ["id"] = portal.GoalId("koho").ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [MemberData(nameof(PostPaths))]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_400(string path)
    {
        var before = await StateAsync();
        var admin = await portal.AdminAsync();

        var response = await admin.Client.PostAsync(await ResolveAsync(path), new FormUrlEncodedContent(new Dictionary<string, string> { ["direction"] = "Up" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData(BackofficeRoles.Administrator)]
    [InlineData(BackofficeRoles.PublicRelations)]
    [InlineData(BackofficeRoles.DepartmentAuthor)]
    [InlineData(BackofficeRoles.PlanningOfficer)]
    public async Task Each_role_reaches_exactly_the_pages_its_policy_allows(string role)
    {
        // The 部局担当 is assigned 政策企画部, so the koho goal's history is theirs to see.
        var session = await portal.SessionAsync(role, await portal.SeisakuKikakuIdAsync());
        foreach (var (path, needs) in Pages)
        {
            var response = await session.Client.GetAsync(await ResolveAsync(path));
            var expected = Allowed(role, needs) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(response.StatusCode == expected, $"{BackofficeRoles.Label(role)} GET {path}: {response.StatusCode}, expected {expected}");
        }
    }

    [Theory]
    [InlineData(BackofficeRoles.PublicRelations)]
    [InlineData(BackofficeRoles.DepartmentAuthor)]
    [InlineData(BackofficeRoles.PlanningOfficer)]
    public async Task Each_role_is_refused_403_on_the_posts_its_policy_does_not_allow(string role)
    {
        var session = await portal.SessionAsync(role, await portal.SeisakuKikakuIdAsync());
        var before = await StateAsync();
        var token = await session.AntiforgeryTokenAsync("/backoffice/account/password");
        foreach (var (path, needs) in Posts.Where(p => !Allowed(role, p.Needs)))
        {
            var response = await session.Client.PostAsync(await ResolveAsync(path), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["direction"] = "Up",
                ["kind"] = "Goal",
                ["id"] = portal.GoalId("koho").ToString(),
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{BackofficeRoles.Label(role)} POST {path}: {response.StatusCode}, expected 403 ({needs})");
        }

        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData(BackofficeRoles.Administrator, "画像 構成と並び順 ごみ箱 ユーザー 監査ログ")]
    [InlineData(BackofficeRoles.PublicRelations, "画像 構成と並び順 ごみ箱")]
    [InlineData(BackofficeRoles.DepartmentAuthor, "画像")]
    public async Task The_dashboard_links_to_the_administration_pages_the_role_may_use(string role, string links)
    {
        var session = await portal.SessionAsync(role, await portal.SeisakuKikakuIdAsync());

        var dashboard = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/"));

        Assert.Equal(links, HtmlText.Collapse(dashboard.QuerySelector(".administration-links")!.TextContent));
        Assert.NotNull(dashboard.QuerySelector($"a[href='/backoffice/documents/{portal.GoalId("koho")}/history']"));
    }

    private static bool Allowed(string role, Needs needs) => needs switch
    {
        Needs.Administer => role == BackofficeRoles.Administrator,
        Needs.PublishContent => role is BackofficeRoles.Administrator or BackofficeRoles.PublicRelations,
        _ => role is BackofficeRoles.Administrator or BackofficeRoles.PublicRelations or BackofficeRoles.DepartmentAuthor,
    };
}

using System.Net;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>Only 総合計画担当 and 管理者 reach anything under /backoffice/feedback; checked on the server, not by hidden links.</summary>
public sealed class InboxAccessTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private long commentId;
    private int consultationId;
    private int ruleId;

    public async Task InitializeAsync()
    {
        commentId = (await InboxTestData.AddCommentAsync(portal)).Id;
        (consultationId, ruleId) = await InboxTestData.WithFeedbackDbAsync(portal, db => Task.FromResult((db.Consultations.Single().Id, db.RoutingRules.Single().Id)));
    }

    public Task DisposeAsync()
    {
        portal.Dispose();
        return Task.CompletedTask;
    }

    private IEnumerable<string> Pages() =>
    [
        "/backoffice/feedback",
        $"/backoffice/feedback/{commentId}",
        "/backoffice/feedback/new",
        "/backoffice/feedback/statistics",
        "/backoffice/feedback/statistics/csv",
        "/backoffice/feedback/consultations",
        "/backoffice/feedback/consultations/new",
        $"/backoffice/feedback/consultations/{consultationId}",
        "/backoffice/feedback/routing",
        "/backoffice/feedback/routing/new",
        $"/backoffice/feedback/routing/{ruleId}",
        $"/backoffice/feedback/routing/{ruleId}/delete",
        "/backoffice/feedback/notice",
        $"/backoffice/feedback/notice/{consultationId}",
        $"/backoffice/feedback/notice/classify/{commentId}",
    ];

    private IEnumerable<string> FormActions() =>
    [
        $"/backoffice/feedback/{commentId}",
        $"/backoffice/feedback/{commentId}/notes",
        "/backoffice/feedback/bulk",
        "/backoffice/feedback/new",
        "/backoffice/feedback/export",
        "/backoffice/feedback/consultations/new",
        $"/backoffice/feedback/consultations/{consultationId}",
        "/backoffice/feedback/routing/new",
        $"/backoffice/feedback/routing/{ruleId}",
        $"/backoffice/feedback/routing/{ruleId}/move",
        $"/backoffice/feedback/routing/{ruleId}/enabled",
        $"/backoffice/feedback/routing/{ruleId}/delete",
        $"/backoffice/feedback/notice/{consultationId}/settings",
        $"/backoffice/feedback/notice/{consultationId}/publish",
        $"/backoffice/feedback/notice/classify/{commentId}",
        "/backoffice/feedback/notice/bulk",
    ];

    [Theory]
    [InlineData(BackofficeRoles.PublicRelations)]
    [InlineData(BackofficeRoles.DepartmentAuthor)]
    public async Task Other_backoffice_roles_get_403_on_every_page_and_every_form_even_with_a_valid_token(string role)
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal, role);
        foreach (var path in Pages())
        {
            Assert.True((await session.Client.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, $"GET {path} as {role}");
        }

        var token = await session.AntiforgeryTokenAsync("/backoffice/account/password");
        foreach (var action in FormActions())
        {
            var response = await session.Client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Format"] = "csv", ["Bulk.Ids"] = commentId.ToString(), ["Bulk.Status"] = "Hidden",
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {action} as {role}: {response.StatusCode}");
        }

        Assert.Empty(await InboxTestData.AuditAsync(portal));
        var layout = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/account/password"));
        Assert.DoesNotContain("意見受付箱", layout.QuerySelector("header nav")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var client = BackofficeSession.Open(portal).Client;
        foreach (var path in Pages())
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/backoffice/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
        }
    }

    [Theory]
    [InlineData(BackofficeRoles.PlanningOfficer)]
    [InlineData(BackofficeRoles.Administrator)]
    public async Task The_two_inbox_roles_open_every_page(string role)
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal, role);
        foreach (var path in Pages())
        {
            Assert.True((await session.Client.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"GET {path} as {role}");
        }
    }

    [Fact]
    public async Task Every_form_post_without_an_antiforgery_token_is_refused_with_400()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        foreach (var action in FormActions())
        {
            var response = await session.Client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Format"] = "csv", ["Bulk.Ids"] = commentId.ToString(), ["Bulk.Status"] = "Hidden", ["Bulk.HiddenReason"] = "x", ["direction"] = "up",
            }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {action}: {response.StatusCode}");
        }

        Assert.Empty(await InboxTestData.AuditAsync(portal));
    }

    [Fact]
    public async Task Planning_officers_land_on_a_page_that_links_to_the_inbox_and_see_it_in_the_menu()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var home = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/"));
        Assert.NotNull(home.QuerySelector("main a[href='/backoffice/feedback']"));
        Assert.Equal("意見受付箱", home.QuerySelector("header nav a[href='/backoffice/feedback']")!.TextContent);
    }
}

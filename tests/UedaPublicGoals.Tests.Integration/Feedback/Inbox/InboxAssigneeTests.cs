using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>
/// The assignee is one of the consultation role's staff accounts (総合計画担当 and 管理者, enabled), chosen
/// from a list the host gives the module; bulk assignment posts the checked rows (no JavaScript needed).
/// </summary>
public sealed class InboxAssigneeTests : IDisposable
{
    private const string Tanto = "tanto@example.jp";
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<(BackofficeSession Session, string Email)> StaffAsync()
    {
        var officer = await InboxTestData.LogInOfficerAsync(portal);
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PlanningOfficer, Tanto);
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.Administrator, "kanri@example.jp");
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations, "kouhou@example.jp");
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, "bukyoku@example.jp");
        var retired = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PlanningOfficer, "taishoku@example.jp");
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(retired))!;
        user.IsDisabled = true;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
        return officer;
    }

    private static IReadOnlyList<string> Options(AngleSharp.Dom.IDocument page, string select) =>
        page.QuerySelectorAll($"select[name='{select}'] option").Select(o => o.GetAttribute("value")!).ToList();

    [Fact]
    public async Task The_detail_page_offers_only_enabled_consultation_staff_and_saves_a_chosen_one()
    {
        var (session, officer) = await StaffAsync();
        var comment = await InboxTestData.AddCommentAsync(portal);

        var page = HtmlText.Parse(await session.Client.GetStringAsync(InboxHandlingTests.DetailPath(comment)));
        var offered = Options(page, "Handling.AssigneeEmail");
        Assert.Equal("", offered[0]); // 未割り当て
        Assert.Contains(Tanto, offered);
        Assert.Contains(officer, offered);
        Assert.Contains("kanri@example.jp", offered);
        Assert.DoesNotContain("kouhou@example.jp", offered);
        Assert.DoesNotContain("bukyoku@example.jp", offered);
        Assert.DoesNotContain("taishoku@example.jp", offered);
        Assert.Equal("担当者", page.QuerySelector("label[for='Handling_AssigneeEmail']")!.TextContent.Trim());

        var saved = await InboxHandlingTests.SaveHandlingAsync(session, comment, new() { ["Handling.AssigneeEmail"] = Tanto });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Tanto, (await InboxTestData.LoadAsync(portal, comment.Id)).AssigneeEmail);
        var shown = HtmlText.Parse(await session.Client.GetStringAsync(InboxHandlingTests.DetailPath(comment)));
        Assert.Equal(Tanto, shown.QuerySelector("select[name='Handling.AssigneeEmail'] option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("someone@example.jp")]
    [InlineData("kouhou@example.jp")]
    [InlineData("taishoku@example.jp")]
    [InlineData("担当の山田さん")]
    public async Task An_assignee_who_is_not_consultation_staff_is_refused_next_to_the_field_and_nothing_is_saved(string assignee)
    {
        var (session, _) = await StaffAsync();
        var comment = await InboxTestData.AddCommentAsync(portal);

        var response = await InboxHandlingTests.SaveHandlingAsync(session, comment, new() { ["Handling.Status"] = "Reviewed", ["Handling.AssigneeEmail"] = assignee });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("担当者は一覧から選んでください", page.GetElementById("Handling_AssigneeEmail-error")!.TextContent);
        Assert.Equal("true", page.GetElementById("Handling_AssigneeEmail")!.GetAttribute("aria-invalid"));
        var stored = await InboxTestData.LoadAsync(portal, comment.Id);
        Assert.Null(stored.AssigneeEmail);
        Assert.Equal(comment.Status, stored.Status); // the status change in the same form is not half-saved
        Assert.Empty(await InboxTestData.AuditAsync(portal));
    }

    [Fact]
    public async Task The_checked_rows_are_assigned_together_and_each_is_audited()
    {
        var (session, officer) = await StaffAsync();
        var first = await InboxTestData.AddCommentAsync(portal);
        var second = await InboxTestData.AddCommentAsync(portal, c => c.AssigneeEmail = officer);
        var untouched = await InboxTestData.AddCommentAsync(portal);

        var list = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/feedback"));
        var bulkAssignees = Options(list, "Bulk.Assignee");
        Assert.Equal(["", BulkForm.Unassign], bulkAssignees.Take(2));
        Assert.Contains(Tanto, bulkAssignees);
        Assert.DoesNotContain("kouhou@example.jp", bulkAssignees);

        // The select-all box is labelled and is not one of the rows; the script shows it (hidden without JavaScript).
        var selectAll = list.GetElementById("select-all")!;
        Assert.Null(selectAll.GetAttribute("name"));
        Assert.Contains("すべて選択", list.QuerySelector("label[for='select-all']")!.TextContent);
        Assert.NotNull(list.QuerySelector("[data-select-all][hidden]"));

        var response = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk",
        [
            new("Bulk.Ids", first.Id.ToString()), new("Bulk.Ids", second.Id.ToString()),
            new("Bulk.Status", ""), new("Bulk.Assignee", Tanto), new("Bulk.ReturnQuery", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Tanto, (await InboxTestData.LoadAsync(portal, first.Id)).AssigneeEmail);
        Assert.Equal(Tanto, (await InboxTestData.LoadAsync(portal, second.Id)).AssigneeEmail);
        Assert.Equal(first.Status, (await InboxTestData.LoadAsync(portal, first.Id)).Status); // status left as it was
        Assert.Null((await InboxTestData.LoadAsync(portal, untouched.Id)).AssigneeEmail);
        var audit = await InboxTestData.AuditAsync(portal);
        Assert.Equal($"2件を担当者 {Tanto}に一括変更", Assert.Single(audit, a => a.Action == InboxAuditActions.Bulk).Detail);
        Assert.Equal(2, audit.Count(a => a.Action == InboxAuditActions.Assign && a.Detail == $"担当者：{Tanto}（一括変更）"));
        Assert.Contains($"2件を担当者 {Tanto}にしました", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/feedback")));

        var unassigned = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk",
            [new("Bulk.Ids", second.Id.ToString()), new("Bulk.Assignee", BulkForm.Unassign)]);
        Assert.Equal(HttpStatusCode.Redirect, unassigned.StatusCode);
        Assert.Null((await InboxTestData.LoadAsync(portal, second.Id)).AssigneeEmail);
    }

    [Fact]
    public async Task A_bulk_assignee_who_is_not_consultation_staff_changes_nothing_and_says_why()
    {
        var (session, _) = await StaffAsync();
        var comment = await InboxTestData.AddCommentAsync(portal);

        var response = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk",
            [new("Bulk.Ids", comment.Id.ToString()), new("Bulk.Status", "Reviewed"), new("Bulk.Assignee", "kouhou@example.jp")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("担当者は一覧から選んでください", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/feedback")));
        var stored = await InboxTestData.LoadAsync(portal, comment.Id);
        Assert.Null(stored.AssigneeEmail);
        Assert.Equal(comment.Status, stored.Status);
        Assert.Empty(await InboxTestData.AuditAsync(portal));
    }
}

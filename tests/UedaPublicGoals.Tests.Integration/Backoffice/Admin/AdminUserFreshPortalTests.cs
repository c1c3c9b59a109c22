using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Users;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Backoffice.Admin.AdminUserSteps;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>
/// User management for 管理者 where a test counts every user or audit row, or changes the administrator or a
/// role's settings: each test starts a portal of its own.
/// </summary>
public sealed class AdminUserFreshPortalTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_list_shows_name_email_role_departments_two_factor_and_state()
    {
        var departmentId = await portal.SeisakuKikakuIdAsync();
        var author = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, "tantou@example.jp", departmentId);
        var admin = await portal.AdminAsync();

        var rows = HtmlText.Parse(await admin.Client.GetStringAsync("/backoffice/users")).QuerySelectorAll(".users-table tbody tr")
            .Select(r => HtmlText.Collapse(r.TextContent)).ToList();

        Assert.Equal(2, rows.Count);
        var authorRow = Assert.Single(rows, r => r.Contains(author));
        Assert.Contains("部局担当", authorRow);
        Assert.Contains("政策企画部", authorRow);
        Assert.Contains("未設定", authorRow);
        Assert.Contains("有効", authorRow);
        Assert.Contains(rows, r => r.Contains(PortalFactory.AdminEmail) && r.Contains("管理者"));
    }

    [Fact]
    public async Task A_created_user_gets_a_one_time_password_shown_once_and_must_change_it()
    {
        var departmentId = await portal.SeisakuKikakuIdAsync();
        var admin = await portal.AdminAsync();

        var response = await admin.PostFormAsync("/backoffice/users/new", "/backoffice/users/new", new()
        {
            ["Email"] = "hanako.ueda@example.jp",
            ["DisplayName"] = "上田 花子",
            ["Role"] = BackofficeRoles.DepartmentAuthor,
            ["DepartmentIds"] = departmentId.ToString(),
            ["PasswordChoice"] = "Generate",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = HtmlText.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".one-time-password")!.TextContent;
        Assert.Equal(20, password.Length);
        var user = await FindUserAsync(portal, "hanako.ueda@example.jp");
        Assert.True(user.MustChangePassword);
        Assert.Equal("上田 花子", user.DisplayName);
        Assert.Equal([departmentId], user.Departments.Select(d => d.DepartmentId));
        Assert.Equal([BackofficeRoles.DepartmentAuthor], await RolesOfAsync(portal, user.Email!));
        Assert.DoesNotContain(password, await admin.Client.GetStringAsync($"/backoffice/users/{user.Id}"));

        var session = await BackofficeSession.LogInAsync(portal, "hanako.ueda@example.jp", password);
        var held = await session.Client.GetAsync("/backoffice/");
        Assert.Equal("/backoffice/account/password?required=1", held.Headers.Location!.OriginalString);

        var audit = Assert.Single(await portal.AuditAsync(), a => a.Action == AuditActions.AccountCreated);
        Assert.Equal("hanako.ueda@example.jp", audit.Target);
        Assert.Equal(PortalFactory.AdminEmail, audit.Actor);
        Assert.DoesNotContain(password, audit.Detail);
    }

    [Theory]
    [InlineData(BackofficeRoles.DepartmentAuthor, "", "admin@example.jp", "DepartmentIds", "部局担当には、担当する部局を1つ以上選んでください。")]
    [InlineData(BackofficeRoles.PublicRelations, "", "admin@example.jp", "Email", "メールアドレス admin@example.jp は既に使われています。")]
    [InlineData("Root", "", "new@example.jp", "Role", "役割を選んでください。")]
    [InlineData(BackofficeRoles.PublicRelations, "", "not-an-email", "Email", "メールアドレスの形式が正しくありません。")]
    public async Task Creation_problems_are_shown_next_to_their_field(string role, string departments, string email, string field, string message)
    {
        var admin = await portal.AdminAsync();
        var fields = new Dictionary<string, string> { ["Email"] = email, ["DisplayName"] = "名前", ["Role"] = role, ["PasswordChoice"] = "Generate" };
        if (departments.Length > 0)
        {
            fields["DepartmentIds"] = departments;
        }

        var response = await admin.PostFormAsync("/backoffice/users/new", "/backoffice/users/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, document.QuerySelector($"#{field}-error")!.TextContent);
        Assert.NotNull(document.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.NotNull(document.GetElementById(field));
        Assert.Equal(1, await portal.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task The_last_active_administrator_can_neither_be_demoted_nor_disabled()
    {
        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(portal, PortalFactory.AdminEmail);

        var demote = await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}", new() { ["DisplayName"] = "管理者", ["Role"] = BackofficeRoles.PublicRelations });
        Assert.Equal(UserAdministration.LastAdministratorMessage, HtmlText.Parse(await demote.Content.ReadAsStringAsync()).QuerySelector("#Role-error")!.TextContent);

        var disable = await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/disable", []);
        Assert.Contains(UserAdministration.LastAdministratorMessage, HtmlText.MainText(await admin.Client.GetStringAsync(disable.Headers.Location!.OriginalString)));
        Assert.False((await FindUserAsync(portal, PortalFactory.AdminEmail)).IsDisabled);
        Assert.Equal([BackofficeRoles.Administrator], await RolesOfAsync(portal, PortalFactory.AdminEmail));

        // With a second active administrator the first may step down.
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.Administrator);
        var stepDown = await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}", new() { ["DisplayName"] = "元管理者", ["Role"] = BackofficeRoles.PublicRelations });
        Assert.Equal(HttpStatusCode.Redirect, stepDown.StatusCode);
        Assert.Equal([BackofficeRoles.PublicRelations], await RolesOfAsync(portal, PortalFactory.AdminEmail));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.GetAsync("/backoffice/users")).StatusCode); // effective at once
    }

    [Fact]
    public async Task Requiring_two_factor_for_a_role_holds_its_members_until_they_enrol()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var member = await BackofficeSession.LogInAsync(portal, email);
        var admin = await portal.AdminAsync();

        var saved = await admin.PostFormAsync("/backoffice/users/roles", "/backoffice/users/roles", new() { ["requireTwoFactor"] = BackofficeRoles.PublicRelations });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/backoffice/account/two-factor?required=1", (await member.Client.GetAsync("/backoffice/")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/backoffice/")).StatusCode);
        var settings = HtmlText.Parse(await admin.Client.GetStringAsync("/backoffice/users/roles"));
        Assert.NotNull(settings.QuerySelector($"#require-{BackofficeRoles.PublicRelations}[checked]"));
        Assert.Null(settings.QuerySelector($"#require-{BackofficeRoles.Administrator}[checked]"));
        Assert.Contains("未設定（必須）", HtmlText.MainText(await admin.Client.GetStringAsync("/backoffice/users")));
        Assert.Contains(await portal.AuditAsync(), a => a.Action == AuditActions.SettingsChanged && a.Detail == "広報：2段階認証を必須にする");

        // Unchecking every box lifts the requirement again.
        await admin.PostFormAsync("/backoffice/users/roles", "/backoffice/users/roles", []);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync("/backoffice/")).StatusCode);
    }
}

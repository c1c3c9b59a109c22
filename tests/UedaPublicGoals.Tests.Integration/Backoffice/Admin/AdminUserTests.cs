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
/// User management for 管理者: create, edit, disable, reset, end sessions, unlock. Each test works on accounts
/// of its own, so they share one portal (<see cref="AdminUserFreshPortalTests"/> has the tests that count
/// every user or audit row, or change the administrator or a role's settings).
/// </summary>
public sealed class AdminUserTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    [Fact]
    public async Task A_typed_initial_password_must_meet_the_policy()
    {
        var admin = await portal.AdminAsync();
        var fields = new Dictionary<string, string>
        {
            ["Email"] = "kouhou2@example.jp",
            ["DisplayName"] = "広報 次郎",
            ["Role"] = BackofficeRoles.PublicRelations,
            ["PasswordChoice"] = "Typed",
            ["InitialPassword"] = "mijikai",
        };

        var tooShort = await admin.PostFormAsync("/backoffice/users/new", "/backoffice/users/new", fields);
        var document = HtmlText.Parse(await tooShort.Content.ReadAsStringAsync());
        Assert.Equal("パスワードは12文字以上にしてください。", document.QuerySelector("#InitialPassword-error")!.TextContent);
        Assert.Equal("kouhou2@example.jp", document.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal(BackofficeRoles.PublicRelations, document.QuerySelector("input[name=Role][checked]")!.GetAttribute("value"));

        fields["InitialPassword"] = "shoki pasuwado desu yo";
        var created = await admin.PostFormAsync("/backoffice/users/new", "/backoffice/users/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True((await FindUserAsync(portal, "kouhou2@example.jp")).MustChangePassword);
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(portal, "kouhou2@example.jp", "shoki pasuwado desu yo")).StatusCode);
    }

    [Fact]
    public async Task Disabling_ends_the_users_sessions_at_once_and_blocks_login_until_enabled()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var victim = await BackofficeSession.LogInAsync(portal, email);
        Assert.True(await SignedInAsync(victim));
        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(portal, email);

        var disabled = await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/disable", []);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False(await SignedInAsync(victim));
        // Issue 11: a disabled account gets the same answer as a wrong password, so the login form does not tell which accounts exist.
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await (await TryLogInAsync(portal, email, BackofficeSession.Password)).Content.ReadAsStringAsync());
        Assert.Contains("無効", HtmlText.Collapse(HtmlText.Parse(await admin.Client.GetStringAsync("/backoffice/users")).QuerySelectorAll(".users-table tbody tr").Single(r => r.TextContent.Contains(email)).TextContent));

        await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/enable", []);
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(portal, email, BackofficeSession.Password)).StatusCode);

        var audit = await portal.AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.AccountDisabled && a.Target == email && a.Actor == PortalFactory.AdminEmail);
        Assert.Contains(audit, a => a.Action == AuditActions.AccountEnabled && a.Target == email);
    }

    [Fact]
    public async Task Ending_sessions_signs_the_user_out_everywhere_but_keeps_the_password()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var phone = await BackofficeSession.LogInAsync(portal, email);
        var desk = await BackofficeSession.LogInAsync(portal, email);
        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(portal, email);

        await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/end-sessions", []);

        Assert.False(await SignedInAsync(phone));
        Assert.False(await SignedInAsync(desk));
        Assert.True(await SignedInAsync(admin));
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(portal, email, BackofficeSession.Password)).StatusCode);
        Assert.Contains(await portal.AuditAsync(), a => a.Action == AuditActions.AccountSessionsEnded && a.Target == email);
    }

    [Fact]
    public async Task A_password_reset_shows_a_new_one_time_password_and_the_old_one_stops_working()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var signedIn = await BackofficeSession.LogInAsync(portal, email);
        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(portal, email);

        var response = await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/reset-password", []);

        var password = HtmlText.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".one-time-password")!.TextContent;
        Assert.False(await SignedInAsync(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await TryLogInAsync(portal, email, BackofficeSession.Password)).StatusCode);
        var session = await BackofficeSession.LogInAsync(portal, email, password);
        Assert.Equal("/backoffice/account/password?required=1", (await session.Client.GetAsync("/backoffice/")).Headers.Location!.OriginalString);
        Assert.Contains(await portal.AuditAsync(), a => a.Action == AuditActions.AccountPasswordReset && a.Target == email);
    }

    [Fact]
    public async Task A_locked_out_user_is_shown_as_locked_and_can_be_unlocked()
    {
        // Issue 11: wrong passwords no longer lock an account (they are throttled); a lockout left from before that
        // change is still shown and can be lifted, which also forgets the account's throttled failures.
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        await portal.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            return await db.SaveChangesAsync();
        });

        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(portal, email);
        var page = HtmlText.Parse(await admin.Client.GetStringAsync($"/backoffice/users/{id}"));
        Assert.Contains("ロック中", page.QuerySelector(".meta-list")!.TextContent);
        Assert.Contains("ロック中", HtmlText.MainText(await admin.Client.GetStringAsync("/backoffice/users")));

        await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/unlock", []);

        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(portal, email, BackofficeSession.Password)).StatusCode);
        Assert.Contains(await portal.AuditAsync(), a => a.Action == AuditActions.AccountUpdated && a.Target == email && a.Detail == "ロックを解除");
    }

    [Fact]
    public async Task Changing_role_and_departments_is_audited_and_takes_effect_at_the_next_request()
    {
        var departmentId = await portal.SeisakuKikakuIdAsync();
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var user = await BackofficeSession.LogInAsync(portal, email);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/backoffice/structure")).StatusCode);
        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(portal, email);

        await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}",
            new() { ["DisplayName"] = "部局の人", ["Role"] = BackofficeRoles.DepartmentAuthor, ["DepartmentIds"] = departmentId.ToString() });

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync("/backoffice/structure")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/backoffice/documents/{portal.GoalId("koho")}/history")).StatusCode);
        var saved = await FindUserAsync(portal, email);
        Assert.Equal([departmentId], saved.Departments.Select(d => d.DepartmentId));
        var audit = Assert.Single(await portal.AuditAsync(), a => a.Action == AuditActions.AccountUpdated && a.Target == email);
        Assert.Contains("役割 広報→部局担当", audit.Detail);
        Assert.Contains("担当部局 なし→政策企画部", audit.Detail);
    }

    [Theory]
    [InlineData(BackofficeRoles.PublicRelations)]
    [InlineData(BackofficeRoles.DepartmentAuthor)]
    [InlineData(BackofficeRoles.PlanningOfficer)]
    public async Task Only_administrators_manage_users(string role)
    {
        var session = await portal.SessionAsync(role, await portal.SeisakuKikakuIdAsync());
        var adminId = await UserIdAsync(portal, PortalFactory.AdminEmail);

        foreach (var path in new[] { "/backoffice/users", "/backoffice/users/new", $"/backoffice/users/{adminId}", "/backoffice/users/roles" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync(path)).StatusCode);
        }

        var token = await session.AntiforgeryTokenAsync("/backoffice/account/password");
        var create = await session.Client.PostAsync("/backoffice/users/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = "intruder@example.jp",
            ["DisplayName"] = "x",
            ["Role"] = BackofficeRoles.Administrator,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var disable = await session.Client.PostAsync($"/backoffice/users/{adminId}/disable", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.False(await portal.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "intruder@example.jp")));
        Assert.False((await FindUserAsync(portal, PortalFactory.AdminEmail)).IsDisabled);
    }
}

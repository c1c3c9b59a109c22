using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Users;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>User management for 管理者: create, edit, disable, reset, end sessions, unlock, per-role 2FA.</summary>
public sealed class AdminUserTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<PortalUser> FindUserAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.Users.Include(u => u.Departments).AsNoTracking().SingleAsync(u => u.Email == email);
        return user;
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>True when the session is still signed in (the dashboard answers instead of sending it to the login page).</summary>
    private static async Task<bool> SignedInAsync(BackofficeSession session)
    {
        var response = await session.Client.GetAsync("/backoffice/account/password");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<HttpResponseMessage> TryLogInAsync(PortalFactory portal, string email, string password) =>
        await BackofficeSession.Open(portal).PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = password });

    private async Task<string> UserIdAsync(string email) => (await FindUserAsync(email)).Id;

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
        var user = await FindUserAsync("hanako.ueda@example.jp");
        Assert.True(user.MustChangePassword);
        Assert.Equal("上田 花子", user.DisplayName);
        Assert.Equal([departmentId], user.Departments.Select(d => d.DepartmentId));
        Assert.Equal([BackofficeRoles.DepartmentAuthor], await RolesOfAsync(user.Email!));
        Assert.DoesNotContain(password, await admin.Client.GetStringAsync($"/backoffice/users/{user.Id}"));

        var session = await BackofficeSession.LogInAsync(portal, "hanako.ueda@example.jp", password);
        var held = await session.Client.GetAsync("/backoffice/");
        Assert.Equal("/backoffice/account/password?required=1", held.Headers.Location!.OriginalString);

        var audit = Assert.Single(await portal.AuditAsync(), a => a.Action == AuditActions.AccountCreated);
        Assert.Equal("hanako.ueda@example.jp", audit.Target);
        Assert.Equal(PortalFactory.AdminEmail, audit.Actor);
        Assert.DoesNotContain(password, audit.Detail);
    }

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
        Assert.True((await FindUserAsync("kouhou2@example.jp")).MustChangePassword);
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(portal, "kouhou2@example.jp", "shoki pasuwado desu yo")).StatusCode);
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
    public async Task Disabling_ends_the_users_sessions_at_once_and_blocks_login_until_enabled()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var victim = await BackofficeSession.LogInAsync(portal, email);
        Assert.True(await SignedInAsync(victim));
        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(email);

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
        var id = await UserIdAsync(email);

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
        var id = await UserIdAsync(email);

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
        var id = await UserIdAsync(email);
        var page = HtmlText.Parse(await admin.Client.GetStringAsync($"/backoffice/users/{id}"));
        Assert.Contains("ロック中", page.QuerySelector(".meta-list")!.TextContent);
        Assert.Contains("ロック中", HtmlText.MainText(await admin.Client.GetStringAsync("/backoffice/users")));

        await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/unlock", []);

        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(portal, email, BackofficeSession.Password)).StatusCode);
        Assert.Contains(await portal.AuditAsync(), a => a.Action == AuditActions.AccountUpdated && a.Target == email && a.Detail == "ロックを解除");
    }

    [Fact]
    public async Task The_last_active_administrator_can_neither_be_demoted_nor_disabled()
    {
        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(PortalFactory.AdminEmail);

        var demote = await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}", new() { ["DisplayName"] = "管理者", ["Role"] = BackofficeRoles.PublicRelations });
        Assert.Equal(UserAdministration.LastAdministratorMessage, HtmlText.Parse(await demote.Content.ReadAsStringAsync()).QuerySelector("#Role-error")!.TextContent);

        var disable = await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/disable", []);
        Assert.Contains(UserAdministration.LastAdministratorMessage, HtmlText.MainText(await admin.Client.GetStringAsync(disable.Headers.Location!.OriginalString)));
        Assert.False((await FindUserAsync(PortalFactory.AdminEmail)).IsDisabled);
        Assert.Equal([BackofficeRoles.Administrator], await RolesOfAsync(PortalFactory.AdminEmail));

        // With a second active administrator the first may step down.
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.Administrator);
        var stepDown = await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}", new() { ["DisplayName"] = "元管理者", ["Role"] = BackofficeRoles.PublicRelations });
        Assert.Equal(HttpStatusCode.Redirect, stepDown.StatusCode);
        Assert.Equal([BackofficeRoles.PublicRelations], await RolesOfAsync(PortalFactory.AdminEmail));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.GetAsync("/backoffice/users")).StatusCode); // effective at once
    }

    [Fact]
    public async Task Changing_role_and_departments_is_audited_and_takes_effect_at_the_next_request()
    {
        var departmentId = await portal.SeisakuKikakuIdAsync();
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var user = await BackofficeSession.LogInAsync(portal, email);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/backoffice/structure")).StatusCode);
        var admin = await portal.AdminAsync();
        var id = await UserIdAsync(email);

        await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}",
            new() { ["DisplayName"] = "部局の人", ["Role"] = BackofficeRoles.DepartmentAuthor, ["DepartmentIds"] = departmentId.ToString() });

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync("/backoffice/structure")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/backoffice/documents/{portal.GoalId("koho")}/history")).StatusCode);
        var saved = await FindUserAsync(email);
        Assert.Equal([departmentId], saved.Departments.Select(d => d.DepartmentId));
        var audit = Assert.Single(await portal.AuditAsync(), a => a.Action == AuditActions.AccountUpdated && a.Target == email);
        Assert.Contains("役割 広報→部局担当", audit.Detail);
        Assert.Contains("担当部局 なし→政策企画部", audit.Detail);
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

    [Theory]
    [InlineData(BackofficeRoles.PublicRelations)]
    [InlineData(BackofficeRoles.DepartmentAuthor)]
    [InlineData(BackofficeRoles.PlanningOfficer)]
    public async Task Only_administrators_manage_users(string role)
    {
        var session = await portal.SessionAsync(role, await portal.SeisakuKikakuIdAsync());
        var adminId = await UserIdAsync(PortalFactory.AdminEmail);

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
        Assert.False((await FindUserAsync(PortalFactory.AdminEmail)).IsDisabled);
    }
}

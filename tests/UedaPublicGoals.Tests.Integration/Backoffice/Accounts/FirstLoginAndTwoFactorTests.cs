using System.Net;
using Microsoft.AspNetCore.Identity;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Accounts;

/// <summary>Issue 11 part 4 (two-factor by default, password re-asked) and issue 9 part 8 (first-login defects, landing page).</summary>
public sealed class FirstLoginAndTwoFactorTests : IDisposable
{
    /// <summary>Out of the box: no override of the two-factor roles.</summary>
    private readonly AccountSecurityPortal portal = new() { TwoFactorRequiredRoles = null };

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_forced_password_page_shows_its_notice_and_no_binding_error()
    {
        using var fresh = new AccountSecurityPortal { AdminPassword = null, TwoFactorRequiredRoles = null };
        const string oneTimePassword = "ichiji pasuwado desu";
        await fresh.WithUsersAsync(async (users, _) =>
        {
            var admin = await users.FindByEmailAsync(AdminBootstrapper.DefaultAdminEmail);
            await users.RemovePasswordAsync(admin!);
            return await users.AddPasswordAsync(admin!, oneTimePassword);
        });

        var session = await BackofficeSession.LogInAsync(fresh, AdminBootstrapper.DefaultAdminEmail, oneTimePassword);
        var held = await session.Client.GetAsync("/backoffice/");
        var page = await session.Client.GetStringAsync(held.Headers.Location!.OriginalString);
        Assert.DoesNotContain("is not valid", page);
        Assert.Null(HtmlText.Parse(page).QuerySelector(".error-summary"));
        Assert.Contains("一時パスワードでログインしています。", HtmlText.MainText(page));

        // The first administrator then enrols in two-factor before anything else.
        var changed = await session.PostFormAsync("/backoffice/account/password", "/backoffice/account/password",
            new() { ["CurrentPassword"] = oneTimePassword, ["NewPassword"] = "kanrisha no atarashii aikotoba", ["ConfirmPassword"] = "kanrisha no atarashii aikotoba" });
        Assert.Equal("/backoffice/account/two-factor?required=1", changed.Headers.Location!.OriginalString);
        Assert.Equal("/backoffice/account/two-factor?required=1", (await session.Client.GetAsync("/backoffice/")).Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(BackofficeRoles.Administrator, true)]
    [InlineData(BackofficeRoles.PublicRelations, true)]
    [InlineData(BackofficeRoles.DepartmentAuthor, false)]
    [InlineData(BackofficeRoles.PlanningOfficer, false)]
    public async Task Two_factor_is_required_of_administrators_and_public_relations_out_of_the_box(string role, bool required)
    {
        var email = await BackofficeSession.CreateUserAsync(portal, role);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var response = await session.Client.GetAsync(role == BackofficeRoles.PlanningOfficer ? "/backoffice/feedback" : "/backoffice/");
        if (!required)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        Assert.Equal("/backoffice/account/two-factor?required=1", response.Headers.Location!.OriginalString);
        var page = await session.Client.GetStringAsync("/backoffice/account/two-factor?required=1");
        Assert.DoesNotContain("is not valid", page);
        Assert.Null(HtmlText.Parse(page).QuerySelector(".error-summary"));
        Assert.Contains("あなたの役割では2段階認証が必須です。", HtmlText.MainText(page));
    }

    [Fact]
    public async Task Planning_officers_land_on_the_inbox_after_login()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PlanningOfficer);
        var login = await BackofficeSession.Open(portal).PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = BackofficeSession.Password });
        Assert.Equal("/backoffice/feedback", login.Headers.Location!.OriginalString);

        var author = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor);
        var authorLogin = await BackofficeSession.Open(portal).PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = author, ["Password"] = BackofficeSession.Password });
        Assert.Equal("/backoffice/", authorLogin.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Turning_two_factor_off_asks_for_the_password_again()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor);
        var session = await BackofficeSession.LogInAsync(portal, email);
        await AccountSecurityPortal.EnrolTwoFactorAsync(session);
        async Task<bool> EnabledAsync() => await portal.WithUsersAsync(async (users, _) => (await users.FindByEmailAsync(email))!.TwoFactorEnabled);
        Assert.True(await EnabledAsync());

        var empty = await session.PostFormAsync("/backoffice/account/two-factor", "/backoffice/account/two-factor/disable", new() { ["Password"] = "" });
        Assert.Equal("確認のため、現在のパスワードを入力してください。", HtmlText.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector("#Password-error")!.TextContent);
        var wrong = await session.PostFormAsync("/backoffice/account/two-factor", "/backoffice/account/two-factor/disable", new() { ["Password"] = "chigau pasuwado" });
        Assert.Equal("現在のパスワードが正しくありません。", HtmlText.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#Password-error")!.TextContent);
        Assert.True(await EnabledAsync());

        var right = await session.PostFormAsync("/backoffice/account/two-factor", "/backoffice/account/two-factor/disable", new() { ["Password"] = BackofficeSession.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.False(await EnabledAsync());
    }

    [Fact]
    public async Task A_guessable_password_is_refused_with_a_Japanese_reason()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, "tanaka.ichiro@example.jp");
        var session = await BackofficeSession.LogInAsync(portal, email);
        foreach (var (weak, reason) in new[] { ("password1234", "よく使われるパスワード"), ("tanaka.ichiro2026", "メールアドレス・氏名・サイト名に含まれる語") })
        {
            var response = await session.PostFormAsync("/backoffice/account/password", "/backoffice/account/password",
                new() { ["CurrentPassword"] = BackofficeSession.Password, ["NewPassword"] = weak, ["ConfirmPassword"] = weak });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = HtmlText.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#NewPassword-error")!.TextContent;
            Assert.Contains("推測されやすいため使えません", error);
            Assert.Contains(reason, error);
        }

        Assert.True(await portal.WithUsersAsync(async (users, _) => await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, BackofficeSession.Password)));
    }
}

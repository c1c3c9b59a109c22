using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice;

public sealed class AccountTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<List<AuditEntry>> AuditAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.OrderBy(a => a.Id).ToListAsync();
    }

    [Theory]
    [InlineData("/backoffice/")]
    [InlineData("/backoffice/account/password")]
    [InlineData("/backoffice/account/two-factor")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string path)
    {
        var response = await BackofficeSession.Open(portal).Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_configured_first_administrator_logs_in_and_sees_the_content_tree()
    {
        var session = await BackofficeSession.LogInAsync(portal, PortalFactory.AdminEmail, portal.AdminPassword!);
        var response = await session.Client.GetAsync("/backoffice/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var text = HtmlText.MainText(await response.Content.ReadAsStringAsync());
        Assert.Contains("政策企画部", text);
        Assert.Contains("① 市民が共感できる効果的な情報発信の推進", text);
        Assert.Contains("このサイトについて", text);

        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.AccountBootstrap && a.Target == PortalFactory.AdminEmail);
        Assert.Contains(audit, a => a.Action == AuditActions.AccountLogin && a.Actor == PortalFactory.AdminEmail);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_400()
    {
        var client = BackofficeSession.Open(portal).Client;
        var response = await client.PostAsync("/backoffice/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = PortalFactory.AdminEmail, ["Password"] = portal.AdminPassword! }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リクエストの内容に誤りがあります", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await AuditAsync(), a => a.Action == AuditActions.AccountLogin);
    }

    [Fact]
    public async Task Five_wrong_passwords_no_longer_lock_the_account_the_right_one_still_signs_in()
    {
        // Issue 11: the hard 5-try lockout let anyone lock the administrator out; guessing is throttled instead (LoginThrottlingTests).
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var session = BackofficeSession.Open(portal);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await session.PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = $"machigatta pasuwado {attempt}" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await session.PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = BackofficeSession.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);

        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.Null(await users.GetLockoutEndDateAsync(user!));
        }

        var audit = await AuditAsync();
        Assert.Equal(5, audit.Count(a => a.Action == AuditActions.AccountLoginFailed && a.Target == email));
        Assert.DoesNotContain(audit, a => a.Action == AuditActions.AccountLockedOut);
    }

    [Fact]
    public async Task Wrong_login_keeps_the_email_and_says_why_in_Japanese()
    {
        var session = BackofficeSession.Open(portal);
        var response = await session.PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = "someone@example.jp", ["Password"] = "" });
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("someone@example.jp", document.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Equal("パスワードを入力してください。", document.QuerySelector("#Password-error")!.TextContent);
        Assert.Equal("true", document.QuerySelector("#Password")!.GetAttribute("aria-invalid"));
        Assert.Contains("Password-error", document.QuerySelector("#Password")!.GetAttribute("aria-describedby"));
        Assert.NotNull(document.QuerySelector(".error-summary a[href='#Password']"));
    }

    [Fact]
    public async Task Two_factor_enrolment_and_login_with_a_code_computed_by_the_test()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var session = await BackofficeSession.LogInAsync(portal, email);

        var setup = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/account/two-factor"));
        var key = setup.QuerySelector(".shared-key")!.TextContent;
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr")!.GetAttribute("src"));

        var wrong = await session.PostFormAsync("/backoffice/account/two-factor", "/backoffice/account/two-factor", new() { ["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("コードが正しくありません", await wrong.Content.ReadAsStringAsync());

        var enrolled = await session.PostFormAsync("/backoffice/account/two-factor", "/backoffice/account/two-factor", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var recoveryCodes = HtmlText.Parse(await enrolled.Content.ReadAsStringAsync()).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // A fresh login now stops at the second factor.
        var second = BackofficeSession.Open(portal);
        var password = await second.PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = BackofficeSession.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/backoffice/login/two-factor", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/backoffice/")).StatusCode);

        var code = await second.PostFormAsync("/backoffice/login/two-factor", "/backoffice/login/two-factor", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync("/backoffice/")).StatusCode);

        // A recovery code works once.
        var third = BackofficeSession.Open(portal);
        await third.PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = BackofficeSession.Password });
        var recovery = await third.PostFormAsync("/backoffice/login/two-factor", "/backoffice/login/two-factor", new() { ["Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);

        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.AccountTwoFactorEnabled && a.Target == email);
        Assert.Contains(audit, a => a.Action == AuditActions.AccountLogin && a.Detail == "回復コードでログイン");
    }

    [Fact]
    public async Task A_role_that_requires_two_factor_holds_its_members_on_the_enrolment_page()
    {
        using (var scope = portal.Services.CreateScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            var role = await roles.FindByNameAsync(BackofficeRoles.PublicRelations);
            await roles.AddClaimAsync(role!, new System.Security.Claims.Claim(BackofficeRoles.RequireTwoFactorClaim, "true"));
        }

        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var response = await session.Client.GetAsync("/backoffice/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/backoffice/account/two-factor?required=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_generated_one_time_password_must_be_changed_at_first_login_and_the_change_ends_other_sessions()
    {
        using var fresh = new PortalFactory { AdminPassword = null };
        string oneTimePassword;
        using (var scope = fresh.Services.CreateScope())
        {
            // The password was printed to the console; the test resets it to a known one-time value the same way.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var admin = await users.FindByEmailAsync(AdminBootstrapper.DefaultAdminEmail);
            Assert.NotNull(admin);
            Assert.True(admin!.MustChangePassword);
            oneTimePassword = "ichiji pasuwado desu";
            await users.RemovePasswordAsync(admin);
            await users.AddPasswordAsync(admin, oneTimePassword);
        }

        var first = await BackofficeSession.LogInAsync(fresh, AdminBootstrapper.DefaultAdminEmail, oneTimePassword);
        var second = await BackofficeSession.LogInAsync(fresh, AdminBootstrapper.DefaultAdminEmail, oneTimePassword);
        var held = await first.Client.GetAsync("/backoffice/");
        Assert.Equal("/backoffice/account/password?required=1", held.Headers.Location!.OriginalString);

        var tooShort = await first.PostFormAsync("/backoffice/account/password", "/backoffice/account/password", new() { ["CurrentPassword"] = oneTimePassword, ["NewPassword"] = "mijikai", ["ConfirmPassword"] = "mijikai" });
        Assert.Contains("12文字以上", await tooShort.Content.ReadAsStringAsync());
        var sameAsEmail = await first.PostFormAsync("/backoffice/account/password", "/backoffice/account/password", new() { ["CurrentPassword"] = oneTimePassword, ["NewPassword"] = AdminBootstrapper.DefaultAdminEmail + "xx", ["ConfirmPassword"] = AdminBootstrapper.DefaultAdminEmail + "xx" });
        // Issue 11 part 4: a password built from the e-mail is now refused as guessable (it used to pass as "not equal to the e-mail").
        Assert.Equal(HttpStatusCode.OK, sameAsEmail.StatusCode);
        Assert.Contains("推測されやすいため使えません", await sameAsEmail.Content.ReadAsStringAsync());
        var strong = await first.PostFormAsync("/backoffice/account/password", "/backoffice/account/password", new() { ["CurrentPassword"] = oneTimePassword, ["NewPassword"] = "kanrisha no atarashii aikotoba", ["ConfirmPassword"] = "kanrisha no atarashii aikotoba" });
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/backoffice/")).StatusCode);
        var ended = await second.Client.GetAsync("/backoffice/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/backoffice/login", ended.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_password_equal_to_the_email_is_refused()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations, "kouhou.tantou@example.jp");
        var session = await BackofficeSession.LogInAsync(portal, email);
        var response = await session.PostFormAsync("/backoffice/account/password", "/backoffice/account/password",
            new() { ["CurrentPassword"] = BackofficeSession.Password, ["NewPassword"] = "KOUHOU.TANTOU@EXAMPLE.JP", ["ConfirmPassword"] = "KOUHOU.TANTOU@EXAMPLE.JP" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("パスワードにメールアドレスは使えません。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Planning_officers_have_no_content_rights()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PlanningOfficer);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var text = HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/"));
        Assert.Contains("コンテンツを編集する権限がありません", text);
        Assert.DoesNotContain("政策企画部", text);
    }

    [Fact]
    public async Task Return_urls_outside_the_backoffice_are_ignored()
    {
        var session = BackofficeSession.Open(portal);
        var response = await session.PostFormAsync("/backoffice/login", "/backoffice/login",
            new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = portal.AdminPassword!, ["ReturnUrl"] = "https://evil.example/phish" });
        Assert.Equal("/backoffice/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_audit_log_cannot_be_rewritten()
    {
        _ = portal.Services;
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entry = await db.AuditEntries.FirstAsync();
        entry.Detail = "改ざん";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}

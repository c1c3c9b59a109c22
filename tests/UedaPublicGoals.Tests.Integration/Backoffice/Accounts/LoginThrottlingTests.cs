using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Accounts;

/// <summary>Issue 11 part 3: guessing is slowed per account and refused per address, and nobody can lock an account out from outside.</summary>
public sealed class LoginThrottlingTests : IDisposable
{
    private const int AddressLimit = 6;

    private readonly AccountSecurityPortal portal = new()
    {
        Settings = new()
        {
            ["Transport:KnownProxies:0"] = AccountSecurityPortal.ProxyAddress,
            ["Backoffice:LoginThrottling:AddressLimit"] = AddressLimit.ToString(),
            ["Backoffice:LoginThrottling:FreeFailures"] = "2",

            // The delays are real but short here; the rule itself is checked in ThrottleDecisionTests.
            ["Backoffice:LoginThrottling:BaseDelay"] = "00:00:00.010",
            ["Backoffice:LoginThrottling:MaxDelay"] = "00:00:00.050",
        },
    };

    public void Dispose() => portal.Dispose();

    private static Task<HttpResponseMessage> TryLogInAsync(BackofficeSession browser, string email, string password) =>
        browser.PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = password });

    [Fact]
    public async Task An_attacker_is_refused_with_429_but_cannot_lock_the_administrator_out()
    {
        var attacker = portal.Browser("203.0.113.66");
        for (var attempt = 1; attempt <= AddressLimit; attempt++)
        {
            var wrong = await TryLogInAsync(attacker, PortalFactory.AdminEmail, $"machigai {attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await wrong.Content.ReadAsStringAsync());
        }

        // The attacker's address is refused, even with the right password.
        var refused = await TryLogInAsync(attacker, PortalFactory.AdminEmail, portal.AdminPassword!);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 15 * 60);
        var page = HtmlText.MainText(await refused.Content.ReadAsStringAsync());
        Assert.Contains("しばらくお待ちください", page);
        Assert.Contains("分後にもう一度お試しください", page);

        // The administrator, at the office, still gets in: the account was slowed, never locked.
        var office = portal.Browser("198.51.100.10");
        var login = await TryLogInAsync(office, PortalFactory.AdminEmail, portal.AdminPassword!);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/backoffice/", login.Headers.Location!.OriginalString);
        var admin = await portal.WithUsersAsync(async (users, _) => await users.FindByEmailAsync(PortalFactory.AdminEmail));
        Assert.Null(admin!.LockoutEnd);

        var audit = await portal.WithUsersAsync(async (_, db) => await db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Equal(AddressLimit, audit.Count(a => a.Action == AuditActions.AccountLoginFailed && a.Target == PortalFactory.AdminEmail));
        Assert.Contains(audit, a => a.Action == AuditActions.AccountThrottled && a.Target == PortalFactory.AdminEmail);
    }

    [Fact]
    public async Task Unknown_disabled_and_existing_accounts_get_the_same_answer()
    {
        var disabled = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        await portal.WithUsersAsync(async (users, _) =>
        {
            var user = await users.FindByEmailAsync(disabled);
            user!.IsDisabled = true;
            return await users.UpdateAsync(user);
        });

        async Task<string> ErrorsAsync(string client, string email, string password)
        {
            var response = await TryLogInAsync(portal.Browser(client), email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return HtmlText.Collapse(HtmlText.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent);
        }

        var unknown = await ErrorsAsync("192.0.2.1", "daremo-inai@example.jp", "nandemo ii pasuwado");
        var wrong = await ErrorsAsync("192.0.2.2", PortalFactory.AdminEmail, "nandemo ii pasuwado");
        var disabledRightPassword = await ErrorsAsync("192.0.2.3", disabled, BackofficeSession.Password);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, disabledRightPassword);
    }

    [Fact]
    public async Task Wrong_authenticator_and_recovery_codes_count_like_wrong_passwords()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        await portal.WithUsersAsync(async (users, _) =>
        {
            var user = await users.FindByEmailAsync(email);
            await users.ResetAuthenticatorKeyAsync(user!);
            return await users.SetTwoFactorEnabledAsync(user!, true);
        });

        var attacker = portal.Browser("203.0.113.77");
        var password = await TryLogInAsync(attacker, email, BackofficeSession.Password);
        Assert.StartsWith("/backoffice/login/two-factor", password.Headers.Location!.OriginalString);
        for (var attempt = 1; attempt <= AddressLimit; attempt++)
        {
            var code = attempt % 2 == 0 ? "ABCD-EFGH-IJ" : "000000"; // recovery-code and authenticator guesses alike
            var wrong = await attacker.PostFormAsync("/backoffice/login/two-factor", "/backoffice/login/two-factor", new() { ["Code"] = code });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var refused = await attacker.PostFormAsync("/backoffice/login/two-factor", "/backoffice/login/two-factor", new() { ["Code"] = "123456" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var user = await portal.WithUsersAsync(async (users, _) => await users.FindByEmailAsync(email));
        Assert.Null(user!.LockoutEnd);
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_password_page_are_limited_too()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor);
        var stolen = portal.Browser("203.0.113.88");
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(stolen, email, BackofficeSession.Password)).StatusCode);

        for (var attempt = 1; attempt <= AddressLimit; attempt++)
        {
            var wrong = await stolen.PostFormAsync("/backoffice/account/password", "/backoffice/account/password",
                new() { ["CurrentPassword"] = $"guess number {attempt}", ["NewPassword"] = "nottorareta kouzu no aikotoba", ["ConfirmPassword"] = "nottorareta kouzu no aikotoba" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal("現在のパスワードが正しくありません。", HtmlText.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#CurrentPassword-error")!.TextContent);
        }

        var refused = await stolen.PostFormAsync("/backoffice/account/password", "/backoffice/account/password",
            new() { ["CurrentPassword"] = BackofficeSession.Password, ["NewPassword"] = "nottorareta kouzu no aikotoba", ["ConfirmPassword"] = "nottorareta kouzu no aikotoba" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(await portal.WithUsersAsync(async (users, _) => await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, BackofficeSession.Password)));
    }
}

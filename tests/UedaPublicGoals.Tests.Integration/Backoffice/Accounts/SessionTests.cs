using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Accounts;

/// <summary>Issue 11 part 2: sessions end server-side, for every copy of the cookie.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly AccountSecurityPortal portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>A second client that sends exactly the cookies of <paramref name="session"/>, as a thief who copied them would.</summary>
    private async Task<HttpClient> CopyCookiesAsync(BackofficeSession session)
    {
        var probe = await session.Client.GetAsync("/backoffice/");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        var thief = portal.CreatePublicClient();
        var cookies = new List<string>();
        foreach (var header in probe.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            cookies.Add(header.Split(';', 2)[0]);
        }

        Assert.Contains(cookies, c => c.StartsWith("ueda.backoffice=", StringComparison.Ordinal));
        thief.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return thief;
    }

    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetAsync("/backoffice/")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task A_copied_cookie_is_dead_after_logout()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var browser = await BackofficeSession.LogInAsync(portal, email);
        var thief = await CopyCookiesAsync(browser);
        Assert.True(await SignedInAsync(thief));

        var logout = await browser.PostFormAsync("/backoffice/", "/backoffice/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replay = await thief.GetAsync("/backoffice/");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/backoffice/login", replay.Headers.Location!.AbsolutePath);
        Assert.Equal(0, await portal.SessionCountAsync(email));
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_and_copy_but_keeps_this_one()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var here = await BackofficeSession.LogInAsync(portal, email);
        var elsewhere = await BackofficeSession.LogInAsync(portal, email);
        var copyOfHere = await CopyCookiesAsync(here);

        var changed = await here.PostFormAsync("/backoffice/account/password", "/backoffice/account/password",
            new() { ["CurrentPassword"] = BackofficeSession.Password, ["NewPassword"] = "atarashii nagai aikotoba 2026", ["ConfirmPassword"] = "atarashii nagai aikotoba 2026" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.True(await SignedInAsync(here.Client));
        Assert.False(await SignedInAsync(elsewhere.Client));
        Assert.False(await SignedInAsync(copyOfHere)); // the renewed session has a new id: the old cookie names a deleted row
        Assert.Equal(1, await portal.SessionCountAsync(email));
    }

    [Fact]
    public async Task Ending_sessions_and_disabling_invalidate_copied_cookies()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var victim = await BackofficeSession.LogInAsync(portal, email);
        var copy = await CopyCookiesAsync(victim);
        var admin = await BackofficeSession.LogInAsync(portal, PortalFactory.AdminEmail, portal.AdminPassword!);
        var id = await portal.WithUsersAsync(async (users, _) => (await users.FindByEmailAsync(email))!.Id);

        await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/end-sessions", []);
        Assert.False(await SignedInAsync(copy));
        Assert.False(await SignedInAsync(victim.Client));
        Assert.Equal(0, await portal.SessionCountAsync(email));

        var again = await BackofficeSession.LogInAsync(portal, email);
        var copyAgain = await CopyCookiesAsync(again);
        await admin.PostFormAsync($"/backoffice/users/{id}", $"/backoffice/users/{id}/disable", []);
        Assert.False(await SignedInAsync(copyAgain));
        Assert.Equal(0, await portal.SessionCountAsync(email));
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_active()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var browser = await BackofficeSession.LogInAsync(portal, email);
        Assert.True(await SignedInAsync(browser.Client));

        var (created, expires) = await portal.WithUsersAsync(async (users, db) =>
        {
            var user = await users.FindByEmailAsync(email);
            var row = await db.StaffSessions.SingleAsync(s => s.UserId == user!.Id);
            return (row.CreatedUtc, row.ExpiresUtc);
        });
        Assert.Equal(TimeSpan.FromHours(12), expires - created);

        // Twelve hours later (the row is the only clock that counts): the next click is signed out.
        await portal.WithUsersAsync(async (_, db) => await db.StaffSessions.ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresUtc, DateTime.UtcNow.AddSeconds(-1))));
        var response = await browser.Client.GetAsync("/backoffice/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_absolute_lifetime_is_configurable()
    {
        using var shortLived = new AccountSecurityPortal { Settings = new() { ["Backoffice:Sessions:AbsoluteLifetime"] = "02:00:00" } };
        var email = await BackofficeSession.CreateUserAsync(shortLived, BackofficeRoles.PublicRelations);
        await BackofficeSession.LogInAsync(shortLived, email);
        var lifetime = await shortLived.WithUsersAsync(async (users, db) =>
        {
            var user = await users.FindByEmailAsync(email);
            var row = await db.StaffSessions.SingleAsync(s => s.UserId == user!.Id);
            return row.ExpiresUtc - row.CreatedUtc;
        });
        Assert.Equal(TimeSpan.FromHours(2), lifetime);
    }

    [Fact]
    public async Task Visiting_the_two_factor_page_changes_nothing()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var browser = await BackofficeSession.LogInAsync(portal, email);
        var other = await BackofficeSession.LogInAsync(portal, email);

        async Task<(string? Stamp, string? Key)> StateAsync() => await portal.WithUsersAsync(async (users, _) =>
        {
            var user = await users.FindByEmailAsync(email);
            return (user!.SecurityStamp, await users.GetAuthenticatorKeyAsync(user));
        });

        var before = await StateAsync();
        var first = HtmlText.Parse(await browser.Client.GetStringAsync("/backoffice/account/two-factor"));
        await browser.Client.GetStringAsync("/backoffice/account/two-factor");
        Assert.Equal(before, await StateAsync());
        Assert.Null(before.Key);
        Assert.True(await SignedInAsync(other.Client)); // creating a key used to rotate the stamp and sign other browsers out

        // Enrolling with the key the page showed works (the same key on every visit), and only then is a key stored.
        var (key, enrolled) = await AccountSecurityPortal.EnrolTwoFactorAsync(browser);
        Assert.Equal(first.QuerySelector(".shared-key")!.TextContent, key);
        Assert.Equal(10, HtmlText.Parse(await enrolled.Content.ReadAsStringAsync()).QuerySelectorAll(".recovery-codes code").Length);
        Assert.Equal(key.Replace(" ", "").ToUpperInvariant(), (await StateAsync()).Key);

        // Enrolling is a two-factor change: the other browser is signed out, this one stays.
        Assert.False(await SignedInAsync(other.Client));
        Assert.True(await SignedInAsync(browser.Client));
    }
}

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>Reading users back and trying sessions, for the user management tests.</summary>
internal static class AdminUserSteps
{
    public static async Task<PortalUser> FindUserAsync(PortalFactory portal, string email)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.Users.Include(u => u.Departments).AsNoTracking().SingleAsync(u => u.Email == email);
        return user;
    }

    public static async Task<IList<string>> RolesOfAsync(PortalFactory portal, string email)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>True when the session is still signed in (the dashboard answers instead of sending it to the login page).</summary>
    public static async Task<bool> SignedInAsync(BackofficeSession session)
    {
        var response = await session.Client.GetAsync("/backoffice/account/password");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public static async Task<HttpResponseMessage> TryLogInAsync(PortalFactory portal, string email, string password) =>
        await BackofficeSession.Open(portal).PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = password });

    public static async Task<string> UserIdAsync(PortalFactory portal, string email) => (await FindUserAsync(portal, email)).Id;
}

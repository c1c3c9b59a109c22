using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using UedaPublicGoals.Backoffice.Accounts;

namespace UedaPublicGoals.Tests.Common;

/// <summary>Backoffice accounts made the way the user administration makes them, for tests to sign in with.</summary>
public static class StaffAccounts
{
    /// <summary>A confirmed account with <paramref name="role"/> (and, for 部局担当, its departments), named after the role.</summary>
    public static async Task<PortalUser> CreateAsync(IServiceProvider services, string email, string role, string password, params int[] departmentIds)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = BackofficeRoles.Label(role),
            CreatedUtc = DateTime.UtcNow,
            Departments = departmentIds.Select(id => new UserDepartment { DepartmentId = id }).ToList(),
        };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, $"Could not create {email}: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded, $"Could not give {email} the role {role}");
        return user;
    }
}

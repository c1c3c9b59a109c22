using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.Backoffice;

/// <summary>
/// A portal and a Chromium of their own for the backoffice tests: they publish changes, which
/// must not leak into the public-page tests that read the seed as it is. Holds a 広報 and a
/// 部局担当 (政策企画部) account.
/// </summary>
public sealed class BackofficeBrowserPortal : BrowserPortal
{
    public const string PublicRelationsEmail = "kouhou@example.jp";
    public const string DepartmentAuthorEmail = "seisaku-tantou@example.jp";
    public const string Password = "burauza tesuto no pasuwado";

    protected override async Task OnStartedAsync()
    {
        using var scope = Services.CreateScope();
        var departmentId = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Departments.Where(d => d.Slug == "seisaku-kikaku").Select(d => d.Id).SingleAsync();
        await StaffAccounts.CreateAsync(scope.ServiceProvider, PublicRelationsEmail, BackofficeRoles.PublicRelations, Password);
        await StaffAccounts.CreateAsync(scope.ServiceProvider, DepartmentAuthorEmail, BackofficeRoles.DepartmentAuthor, Password, departmentId);
    }

    /// <summary>A page signed in as <paramref name="email"/> (one of this fixture's accounts), on the dashboard.</summary>
    public Task<IPage> SignedInPageAsync(IBrowserContext context, string email) => SignedInPageAsync(context, email, Password);

    /// <summary>Signs <paramref name="context"/> in as <paramref name="email"/>, for a test that opens its own first page.</summary>
    public Task SignInAsync(IBrowserContext context, string email) => SignInAsync(context, email, Password);

    public Guid GoalId(string slug)
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>().Documents.Where(d => d.Slug == slug && d.Kind == Content.Store.DocumentKind.Goal).Select(d => d.Id).Single();
    }
}

[CollectionDefinition(Name)]
public sealed class BackofficeBrowserCollection : ICollectionFixture<BackofficeBrowserPortal>
{
    public const string Name = "Backoffice browser portal";
}

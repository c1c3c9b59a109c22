using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using UedaPublicGoals.Tests.Common;

namespace UedaPublicGoals.Tests.Browser.Listings;

/// <summary>
/// The seed's department and <see cref="Generated"/> generated ones, published, with three departments a page of
/// the 部局一覧 and a home card limit of two: the home page and the backoffice tree as a large city sees them.
/// </summary>
public sealed class ManyDepartmentsBrowserPortal : BrowserPortal
{
    /// <summary>More than one page of the backoffice tree's departments.</summary>
    public const int Generated = 25;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Site:DepartmentsPerPage"] = "3",
        ["Site:HomeCardLimit"] = "2",
    };

    protected override Task OnStartedAsync() => GeneratedDepartments.AddAsync(Services, Generated, publish: true);

    /// <summary>A page signed in as the first administrator, on the dashboard.</summary>
    public Task<IPage> SignedInPageAsync(IBrowserContext context) => SignedInPageAsync(context, PortalFactory.AdminEmail, PortalFactory.DefaultAdminPassword);

    /// <summary>Signs <paramref name="context"/> in as the first administrator, for a test that opens its own first page.</summary>
    public Task SignInAsync(IBrowserContext context) => SignInAsync(context, PortalFactory.AdminEmail, PortalFactory.DefaultAdminPassword);
}

[CollectionDefinition(Name)]
public sealed class ManyDepartmentsBrowserCollection : ICollectionFixture<ManyDepartmentsBrowserPortal>
{
    public const string Name = "Many departments browser portal";
}

using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.ContentTree;
using UedaPublicGoals.Tests.Common;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.ContentTree;

/// <summary>The tree's department filter (a substring match in SQL) and department pages on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ContentTreePostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_filter_and_the_department_pages_read_the_same_as_on_sqlite()
    {
        using var portal = new PortalFactory { PostgresConnectionString = postgres.SeededConnectionStringFor("portal_content_tree") };
        await GeneratedDepartments.AddAsync(portal.Services, TreeOpening.DepartmentsPerPageShown + 30, publish: false);
        var session = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations));

        static IReadOnlyList<string> Slugs(string html) =>
            HtmlText.Parse(html).QuerySelectorAll("section[aria-labelledby=tree-goals] .content-tree > li > .content-tree__label .content-tree__slug").Select(s => s.TextContent.Trim('/')).ToList();

        Assert.Equal(["bu-004", "bu-040", "bu-041", "bu-042", "bu-043", "bu-044", "bu-045"], Slugs(await session.Client.GetStringAsync("/backoffice/?q=" + Uri.EscapeDataString("第4"))));
        Assert.Equal(["bu-017"], Slugs(await session.Client.GetStringAsync("/backoffice/?q=BU-017")));
        var year = await EditorPages.InDatabaseAsync(portal, db => db.FiscalYears.Where(y => y.Department!.Slug == "bu-020" && y.Slug == "r6").Select(y => y.Id).SingleAsync());
        var page = Slugs(await session.Client.GetStringAsync($"/backoffice/?open={year}"));
        Assert.Equal(TreeOpening.DepartmentsPerPageShown, page.Count);
        Assert.Contains("bu-020", page);
        Assert.DoesNotContain("seisaku-kikaku", page);
    }
}

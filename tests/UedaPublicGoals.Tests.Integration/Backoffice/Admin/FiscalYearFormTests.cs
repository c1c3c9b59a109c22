using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>
/// The year form: the 西暦 year decides the slug (r{令和}) and a 和暦 in the heading must agree with it;
/// fixing a year that never had anything public leaves no redirect.
/// </summary>
public sealed class FiscalYearFormTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<(BackofficeSession Session, int DepartmentId)> NewDepartmentAsync()
    {
        var session = await portal.AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/backoffice/structure/departments/new", "/backoffice/structure/departments/new",
            new() { ["Name"] = "健康こども未来部", ["Slug"] = "kenko-kodomo" })).StatusCode);
        return (session, await portal.QueryAsync(db => db.Departments.Where(d => d.Slug == "kenko-kodomo").Select(d => d.Id).SingleAsync()));
    }

    private static Dictionary<string, string> Year(string year, string heading, string? slug = null)
    {
        var fields = new Dictionary<string, string> { ["Year"] = year, ["Heading"] = heading, ["MidtermReportMonth"] = "10", ["FinalReportMonth"] = "3" };
        if (slug is not null)
        {
            fields["Slug"] = slug;
        }

        return fields;
    }

    [Theory]
    [InlineData("令和8年度 重点目標", "令和8年度")]
    [InlineData("令和８年度 重点目標", "令和8年度")]
    [InlineData("2026年度 重点目標", "2026年度")]
    public async Task A_heading_naming_another_year_is_refused_next_to_the_field_and_nothing_is_created(string heading, string named)
    {
        var (session, departmentId) = await NewDepartmentAsync();
        var form = $"/backoffice/structure/departments/{departmentId}/years/new";

        var response = await session.PostFormAsync(form, form, Year("2025", heading, slug: "r8"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"見出しの「{named}」が年度と合いません。2025年度は令和7年度です（例：令和7年度 重点目標）。", page.GetElementById("Heading-error")!.TextContent.Trim());
        Assert.Equal("true", page.GetElementById("Heading")!.GetAttribute("aria-invalid"));
        Assert.Equal(heading, page.GetElementById("Heading")!.GetAttribute("value")); // kept as typed
        Assert.Equal(0, await portal.QueryAsync(db => db.FiscalYears.CountAsync(y => y.DepartmentId == departmentId)));
    }

    [Fact]
    public async Task The_slug_follows_the_year_and_a_posted_slug_is_ignored()
    {
        var (session, departmentId) = await NewDepartmentAsync();
        var form = $"/backoffice/structure/departments/{departmentId}/years/new";
        var page = HtmlText.Parse(await session.Client.GetStringAsync(form));
        Assert.NotNull(page.GetElementById("Slug")!.GetAttribute("readonly"));

        var response = await session.PostFormAsync(form, form, Year("2025", "令和7年度 重点目標", slug: "r8"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(("r7", 2025), await portal.QueryAsync(db => db.FiscalYears.Where(y => y.DepartmentId == departmentId).Select(y => ValueTuple.Create(y.Slug, y.Year)).SingleAsync()));
    }

    [Fact]
    public async Task Fixing_the_year_before_anything_under_it_was_public_moves_the_slug_without_a_redirect()
    {
        var (session, departmentId) = await NewDepartmentAsync();
        var form = $"/backoffice/structure/departments/{departmentId}/years/new";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(form, form, Year("2025", "令和7年度 重点目標"))).StatusCode);
        var yearId = await portal.QueryAsync(db => db.FiscalYears.Where(y => y.DepartmentId == departmentId).Select(y => y.Id).SingleAsync());
        var redirectsBefore = await portal.QueryAsync(db => db.Redirects.CountAsync());

        var fixedYear = await session.PostFormAsync($"/backoffice/structure/years/{yearId}", $"/backoffice/structure/years/{yearId}", Year("2026", "令和8年度 重点目標"));

        Assert.Equal(HttpStatusCode.Redirect, fixedYear.StatusCode);
        Assert.Equal(("r8", 2026), await portal.QueryAsync(db => db.FiscalYears.Where(y => y.Id == yearId).Select(y => ValueTuple.Create(y.Slug, y.Year)).SingleAsync()));
        Assert.Equal(redirectsBefore, await portal.QueryAsync(db => db.Redirects.CountAsync()));
        Assert.False(await portal.QueryAsync(db => db.Redirects.AnyAsync(r => r.FromPath.StartsWith("/kenko-kodomo/"))));
        Assert.DoesNotContain(await portal.AuditAsync(), a => a.Action == AuditActions.RedirectChange);
    }

    [Fact]
    public async Task Fixing_a_year_whose_goals_are_public_redirects_its_public_urls()
    {
        var session = await portal.AdminAsync();
        var yearId = await portal.QueryAsync(db => db.FiscalYears.Where(y => y.Slug == "r6" && y.Department!.Slug == "seisaku-kikaku").Select(y => y.Id).SingleAsync());

        var response = await session.PostFormAsync($"/backoffice/structure/years/{yearId}", $"/backoffice/structure/years/{yearId}", Year("2025", "令和7年度 重点目標"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var redirects = await portal.QueryAsync(db => db.Redirects.ToDictionaryAsync(r => r.FromPath, r => r.ToPath));
        Assert.Equal("/seisaku-kikaku/r7/", redirects["/seisaku-kikaku/r6/"]);
        Assert.Equal("/seisaku-kikaku/r7/koho/", redirects["/seisaku-kikaku/r6/koho/"]);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>Departments and fiscal years, and the order of departments, goals and pages.</summary>
public sealed class AdminStructureTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_new_department_and_fiscal_year_are_created_from_the_forms_and_audited()
    {
        var session = await portal.AdminAsync();

        var created = await session.PostFormAsync("/backoffice/structure/departments/new", "/backoffice/structure/departments/new",
            new() { ["Name"] = "健康こども未来部", ["Slug"] = "kenko-kodomo" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var departmentId = await portal.QueryAsync(db => db.Departments.Where(d => d.Slug == "kenko-kodomo").Select(d => d.Id).SingleAsync());

        // The new-year form suggests a year, its slug and heading.
        var form = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/structure/departments/{departmentId}/years/new"));
        var suggestedYear = int.Parse(form.QuerySelector("#Year")!.GetAttribute("value")!);
        Assert.Equal($"r{suggestedYear - 2018}", form.QuerySelector("#Slug")!.GetAttribute("value"));
        Assert.Equal($"令和{suggestedYear - 2018}年度 重点目標", form.QuerySelector("#Heading")!.GetAttribute("value"));

        var year = await session.PostFormAsync($"/backoffice/structure/departments/{departmentId}/years/new", $"/backoffice/structure/departments/{departmentId}/years/new",
            new() { ["Year"] = "2025", ["Slug"] = "r7", ["Heading"] = "令和7年度 重点目標" });
        Assert.Equal(HttpStatusCode.Redirect, year.StatusCode);

        var structure = HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/structure"));
        Assert.Contains("健康こども未来部 /kenko-kodomo/", structure);
        Assert.Contains("令和7年度 重点目標 （2025年度）/kenko-kodomo/r7/", structure);
        var audit = await portal.AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.ContentCreate && a.Target == $"department:{departmentId}");
        Assert.Contains(audit, a => a.Action == AuditActions.ContentCreate && a.Detail!.Contains("/kenko-kodomo/r7/"));
    }

    [Fact]
    public async Task A_fiscal_year_cannot_repeat_a_year_or_slug_of_its_department()
    {
        var departmentId = await portal.SeisakuKikakuIdAsync();
        var session = await portal.AdminAsync();

        var response = await session.PostFormAsync($"/backoffice/structure/departments/{departmentId}/years/new", $"/backoffice/structure/departments/{departmentId}/years/new",
            new() { ["Year"] = "2024", ["Slug"] = "r6", ["Heading"] = "重複" });

        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("この部局には2024年度（令和6年度 重点目標）が既にあります", document.QuerySelector("#Year-error")!.TextContent);
        Assert.Contains("スラッグ「r6」はこの部局の「令和6年度 重点目標」が使っています", document.QuerySelector("#Slug-error")!.TextContent);
    }

    [Fact]
    public async Task Moving_a_department_up_changes_the_home_page_order()
    {
        await portal.AddDepartmentWithGoalAsync();
        var publicClient = portal.CreatePublicClient();
        var before = HtmlText.MainText(await publicClient.GetStringAsync("/"));
        Assert.True(before.IndexOf("政策企画部", StringComparison.Ordinal) < before.IndexOf("健康こども未来部", StringComparison.Ordinal));
        var id = await portal.QueryAsync(db => db.Departments.Where(d => d.Slug == "kenko-fukushi").Select(d => d.Id).SingleAsync());
        var session = await portal.AdminAsync();

        var moved = await session.PostFormAsync("/backoffice/structure", $"/backoffice/structure/departments/{id}/move", new() { ["direction"] = "Up" });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/backoffice/structure#department-{id}", moved.Headers.Location!.OriginalString);
        var after = HtmlText.MainText(await publicClient.GetStringAsync("/"));
        Assert.True(after.IndexOf("健康こども未来部", StringComparison.Ordinal) < after.IndexOf("政策企画部", StringComparison.Ordinal));
        var structure = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/structure"));
        Assert.Equal(["健康こども未来部", "政策企画部"], structure.QuerySelectorAll("#departments-heading ~ .structure-list > .structure-item > h3").Select(h => h.FirstChild!.TextContent.Trim()));
        Assert.Contains(await portal.AuditAsync(), a => a.Action == AuditActions.ContentMove && a.Target == $"department:{id}");
    }

    [Fact]
    public async Task Moving_a_page_changes_the_footer_order_on_the_public_site()
    {
        var publicClient = portal.CreatePublicClient();
        string[] FooterLinks(string html) => HtmlText.Parse(html).QuerySelectorAll("footer a[href^='/pages/']").Select(a => a.GetAttribute("href")!).ToArray();
        var before = FooterLinks(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/"));
        var last = before[^1];
        var session = await portal.AdminAsync();

        await session.PostFormAsync("/backoffice/structure", $"/backoffice/structure/documents/{portal.PageId(last["/pages/".Length..])}/move", new() { ["direction"] = "Up" });

        var after = FooterLinks(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/"));
        Assert.Equal(last, after[^2]);
        Assert.Equal(before[^2], after[^1]);
    }

    [Fact]
    public async Task Moving_a_goal_reorders_the_backoffice_lists_and_the_first_cannot_move_up()
    {
        var session = await portal.AdminAsync();
        var structure = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/structure"));
        var goals = structure.QuerySelectorAll(".structure-item--document[id^='document-']").Take(4).Select(li => li.Id!["document-".Length..]).ToList();
        Assert.Null(structure.QuerySelector($"button[formaction='/backoffice/structure/documents/{goals[0]}/move'][value=Up]"));
        Assert.NotNull(structure.QuerySelector($"button[formaction='/backoffice/structure/documents/{goals[1]}/move'][value=Up]"));

        await session.PostFormAsync("/backoffice/structure", $"/backoffice/structure/documents/{goals[1]}/move", new() { ["direction"] = "Up" });

        var reordered = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/structure"))
            .QuerySelectorAll(".structure-item--document[id^='document-']").Take(4).Select(li => li.Id!["document-".Length..]).ToList();
        Assert.Equal([goals[1], goals[0], goals[2], goals[3]], reordered);
    }

    [Fact]
    public async Task Renaming_a_department_shows_at_once_and_a_new_slug_leaves_redirects_from_the_old_urls()
    {
        var publicClient = portal.CreatePublicClient();
        Assert.Contains("政策企画部", HtmlText.MainText(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/")));
        var id = await portal.SeisakuKikakuIdAsync();
        var session = await portal.AdminAsync();

        var saved = await session.PostFormAsync($"/backoffice/structure/departments/{id}", $"/backoffice/structure/departments/{id}",
            new() { ["Name"] = "企画政策部", ["Slug"] = "kikaku-seisaku" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = HtmlText.MainText(await publicClient.GetStringAsync("/kikaku-seisaku/r6/koho/"));
        Assert.Contains("企画政策部", page);
        var redirects = await portal.QueryAsync(db => db.Redirects.ToDictionaryAsync(r => r.FromPath, r => r.ToPath));
        Assert.Equal("/kikaku-seisaku/", redirects["/seisaku-kikaku/"]);
        Assert.Equal("/kikaku-seisaku/r6/", redirects["/seisaku-kikaku/r6/"]);
        Assert.Equal("/kikaku-seisaku/r6/koho/", redirects["/seisaku-kikaku/r6/koho/"]);

        // Back to the old slug: the redirects turn round instead of pointing at themselves.
        await session.PostFormAsync($"/backoffice/structure/departments/{id}", $"/backoffice/structure/departments/{id}",
            new() { ["Name"] = "政策企画部", ["Slug"] = "seisaku-kikaku" });
        redirects = await portal.QueryAsync(db => db.Redirects.ToDictionaryAsync(r => r.FromPath, r => r.ToPath));
        Assert.Equal("/seisaku-kikaku/r6/koho/", redirects["/kikaku-seisaku/r6/koho/"]);
        Assert.DoesNotContain("/seisaku-kikaku/r6/koho/", redirects.Keys);
        var audit = await portal.AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.StructureChange && a.Detail!.Contains("名前「政策企画部」→「企画政策部」"));
        Assert.Contains(audit, a => a.Action == AuditActions.RedirectChange);
    }
}

/// <summary>A refused department slug: nothing is stored by these cases, so they share one portal.</summary>
public sealed class AdminStructureSlugTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    [Theory]
    [InlineData("Seisaku Kikaku", "スラッグは半角の小文字英字・数字と、間をつなぐハイフン（-）だけで入力してください")]
    [InlineData("seisaku-kikaku", "スラッグ「seisaku-kikaku」は「政策企画部」が使っています。")]
    [InlineData("media", "「media」はサイトが使っているため、部局のスラッグにはできません。")]
    [InlineData("", "スラッグを入力してください")]
    public async Task A_bad_department_slug_is_explained_next_to_the_field_and_keeps_what_was_typed(string slug, string message)
    {
        var session = await portal.AdminAsync();

        var response = await session.PostFormAsync("/backoffice/structure/departments/new", "/backoffice/structure/departments/new",
            new() { ["Name"] = "新しい部", ["Slug"] = slug });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, document.QuerySelector("#Slug-error")!.TextContent);
        Assert.Equal("true", document.QuerySelector("#Slug")!.GetAttribute("aria-invalid"));
        Assert.Equal("新しい部", document.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector(".error-summary a[href='#Slug']"));
        Assert.Equal(1, await portal.QueryAsync(db => db.Departments.CountAsync()));
    }
}

using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Reporting;

/// <summary>
/// 報告状況 (/backoffice/reporting/{year}): each state of each report derived from real drafts, approval
/// requests, schedules and published versions, overdue against the calendar on an injected clock.
/// </summary>
public sealed class ReportingStatusPageTests : IDisposable
{
    // 5 November 2024: the 中間報告 (due October 2024) is overdue, the 期末報告 (March 2025) is not yet.
    private readonly CyclePortal portal = new("2024-11-05T10:00");

    public void Dispose() => portal.Dispose();

    private const string Page = "/backoffice/reporting/2024";

    /// <summary>One goal per state: koho 公開済み/下書き, gakuen-toshi 承認待ち, sogo-keikaku 差し戻し, smart-city 予約済み.</summary>
    private async Task<(BackofficeSession Author, BackofficeSession PublicRelations)> EveryStateAsync()
    {
        var department = await EditorPages.SeisakuKikakuIdAsync(portal);
        var author = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, department));
        var pr = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);

        await portal.WriteReportAsync("koho", midterm: true, publish: true);
        await portal.WriteReportAsync("koho", midterm: false, firstInitiativeOnly: true);

        await portal.RequestApprovalAsync(author, portal.Goal("gakuen-toshi"));
        var sentBack = await portal.RequestApprovalAsync(author, portal.Goal("sogo-keikaku"));
        var reject = await pr.ReadFormAsync($"/backoffice/approvals/{sentBack}", $"/backoffice/approvals/{sentBack}/reject");
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"/backoffice/approvals/{sentBack}/reject", reject.With("DecisionNote", "数値を入れてください。"))).StatusCode);

        await portal.WriteReportAsync("smart-city", midterm: true);
        await portal.WithStoreAsync((store, _) => store.ScheduleAsync(portal.Goal("smart-city"), new DateTime(2024, 11, 10, 0, 0, 0, DateTimeKind.Utc), null, PortalFactory.AdminEmail));
        return (author, pr);
    }

    /// <summary>The page's rows by document id: the text of the 中間報告 and 期末報告 cells.</summary>
    private static Dictionary<Guid, (string Midterm, string Final)> Rows(IDocument page) =>
        page.QuerySelectorAll("tr.reporting-goal").ToDictionary(
            row => Guid.Parse(row.GetAttribute("data-document")!),
            row => (HtmlText.Collapse(row.QuerySelector("td[data-report=Midterm]")!.TextContent), HtmlText.Collapse(row.QuerySelector("td[data-report=Final]")!.TextContent)));

    [Fact]
    public async Task Every_state_of_both_reports_comes_from_the_real_drafts_requests_schedules_and_versions()
    {
        var (_, pr) = await EveryStateAsync();
        var page = HtmlText.Parse(await pr.Client.GetStringAsync(Page));
        Assert.Equal("報告状況（令和6年度）", HtmlText.Collapse(page.QuerySelector("h1")!.TextContent));
        var rows = Rows(page);
        Assert.Equal(4, rows.Count);

        var koho = rows[portal.Goal("koho")];
        Assert.StartsWith("公開済み 期限 2024年10月", koho.Midterm, StringComparison.Ordinal);
        Assert.StartsWith("下書き 2025年3月末まで（あと146日） 記入 1／", koho.Final, StringComparison.Ordinal);

        var gakuen = rows[portal.Goal("gakuen-toshi")];
        Assert.StartsWith("承認待ち ⚠ 期限（2024年10月）を過ぎています", gakuen.Midterm, StringComparison.Ordinal);
        Assert.StartsWith("未着手 2025年3月末まで（あと146日） 記入 0／", gakuen.Final, StringComparison.Ordinal);

        Assert.StartsWith("差し戻し ⚠ 期限（2024年10月）を過ぎています", rows[portal.Goal("sogo-keikaku")].Midterm, StringComparison.Ordinal);
        Assert.StartsWith("予約済み ⚠ 期限（2024年10月）を過ぎています", rows[portal.Goal("smart-city")].Midterm, StringComparison.Ordinal);

        // Overdue is said in words, not only by colour, and counted.
        Assert.Contains("期限を過ぎた報告：3件", HtmlText.Collapse(page.GetElementById("reporting-summary")!.TextContent));
        Assert.Equal(3, page.QuerySelectorAll("td.reporting-cell--overdue").Length);
    }

    [Fact]
    public async Task Before_the_due_month_ends_nothing_is_overdue()
    {
        portal.Clock.SetJapanTime("2024-10-31T23:59");
        var pr = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var page = HtmlText.Parse(await pr.Client.GetStringAsync(Page));
        Assert.All(Rows(page).Values, r => Assert.StartsWith("未着手 2024年10月末まで（あと0日）", r.Midterm, StringComparison.Ordinal));
        Assert.Contains("期限を過ぎた報告はありません。", page.GetElementById("reporting-summary")!.TextContent);

        portal.Clock.SetJapanTime("2024-11-01T00:00");
        page = HtmlText.Parse(await pr.Client.GetStringAsync(Page));
        Assert.All(Rows(page).Values, r => Assert.StartsWith("未着手 ⚠ 期限（2024年10月）を過ぎています", r.Midterm, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_by_state_and_by_department()
    {
        var (_, pr) = await EveryStateAsync();
        var sentBack = HtmlText.Parse(await pr.Client.GetStringAsync(Page + "?state=sent-back"));
        Assert.Equal([portal.Goal("sogo-keikaku")], Rows(sentBack).Keys);
        Assert.Equal("sent-back", sentBack.QuerySelector("#state option[selected]")!.GetAttribute("value"));

        var overdue = HtmlText.Parse(await pr.Client.GetStringAsync(Page + "?state=overdue"));
        Assert.Equal(3, Rows(overdue).Count);
        Assert.DoesNotContain(portal.Goal("koho"), Rows(overdue).Keys);

        var notStarted = HtmlText.Parse(await pr.Client.GetStringAsync(Page + "?state=not-started"));
        Assert.Equal(3, Rows(notStarted).Count); // 期末報告 of gakuen-toshi, sogo-keikaku and smart-city

        // A second department with its own year: the department filter keeps only it.
        var other = await AddDepartmentAsync("総務部", "somu", withGoalYear: true);
        var all = HtmlText.Parse(await pr.Client.GetStringAsync(Page));
        Assert.Contains("総務部", HtmlText.Collapse(all.QuerySelector("main")!.TextContent));
        var onlyOther = HtmlText.Parse(await pr.Client.GetStringAsync(Page + $"?department={other}"));
        Assert.Empty(Rows(onlyOther));
        Assert.Contains("総務部", onlyOther.QuerySelector("section.reporting-department h2")!.TextContent);
        Assert.Single(onlyOther.QuerySelectorAll("section.reporting-department"));
    }

    [Fact]
    public async Task A_department_author_sees_only_their_own_departments()
    {
        await AddDepartmentAsync("総務部", "somu", withGoalYear: true);
        var seisaku = await EditorPages.SeisakuKikakuIdAsync(portal);
        var own = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, seisaku));
        var page = HtmlText.Parse(await own.Client.GetStringAsync(Page));
        Assert.Equal(["政策企画部"], page.QuerySelectorAll("section.reporting-department h2").Select(h => h.TextContent.Trim()).ToList());
        Assert.Equal(4, Rows(page).Count);
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/backoffice/reporting/2024");

        var somuId = await EditorPages.InDatabaseAsync(portal, db => db.Departments.Where(d => d.Slug == "somu").Select(d => d.Id).SingleAsync());
        var otherAuthor = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, somuId));
        var otherPage = HtmlText.Parse(await otherAuthor.Client.GetStringAsync(Page + $"?department={seisaku}"));
        Assert.Empty(Rows(otherPage));
        Assert.DoesNotContain("政策企画部", HtmlText.Collapse(otherPage.QuerySelector("main")!.TextContent));
    }

    [Fact]
    public async Task Roles_without_content_rights_get_403_and_visitors_the_login()
    {
        var planning = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PlanningOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.Client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.Client.GetAsync("/backoffice/reporting")).StatusCode);

        var anonymous = BackofficeSession.Open(portal);
        var response = await anonymous.Client.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/backoffice/login?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bare_address_opens_the_current_fiscal_year_and_odd_years_are_not_found()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        async Task<string> CurrentYearAtAsync(string japanTime)
        {
            // Staff sessions end after 12 hours on the same clock: sign in again at each moment.
            portal.Clock.SetJapanTime(japanTime);
            var session = await BackofficeSession.LogInAsync(portal, email);
            return (await session.Client.GetAsync("/backoffice/reporting")).Headers.Location!.OriginalString;
        }

        Assert.Equal("/backoffice/reporting/2024", await CurrentYearAtAsync("2024-11-05T10:00"));
        Assert.Equal("/backoffice/reporting/2024", await CurrentYearAtAsync("2025-03-31T23:00"));
        Assert.Equal("/backoffice/reporting/2025", await CurrentYearAtAsync("2025-04-01T00:00"));
        var pr = await BackofficeSession.LogInAsync(portal, email);

        Assert.Equal(HttpStatusCode.NotFound, (await pr.Client.GetAsync("/backoffice/reporting/1999")).StatusCode);
        var bad = await pr.Client.GetAsync(Page + "?department=abc&state=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.DoesNotContain("<script>", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<int> AddDepartmentAsync(string name, string slug, bool withGoalYear)
    {
        var department = new Department { Name = name, Slug = slug, SortOrder = 50 };
        await EditorPages.InDatabaseAsync(portal, async db =>
        {
            db.Departments.Add(department);
            if (withGoalYear)
            {
                department.FiscalYears.Add(new FiscalYear { Year = 2024, Slug = "r6", Heading = "令和6年度 重点目標" });
            }

            return await db.SaveChangesAsync();
        });
        return department.Id;
    }
}

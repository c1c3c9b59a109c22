using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Backoffice.Scheduling;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>The editor's queries and writes on a real PostgreSQL server (UTC timestamps, subqueries, the unique slug index).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEditingTests(PostgresServer postgres)
{
    [Fact]
    public async Task Editing_publishing_with_a_new_slug_approvals_conflicts_and_the_scheduler_work_on_PostgreSQL()
    {
        using var portal = new PortalFactory { PostgresConnectionString = postgres.SeededConnectionStringFor("portal_editing") };
        var client = portal.CreatePublicClient();
        var pr = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var author = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, await EditorPages.SeisakuKikakuIdAsync(portal)));
        var koho = EditorPages.GoalId(portal, "koho");
        var smartCity = EditorPages.GoalId(portal, "smart-city");

        // Save and publish with a new slug: the old URL redirects.
        var form = await pr.ReadFormAsync($"/backoffice/goals/{koho}");
        var stale = await author.ReadFormAsync($"/backoffice/goals/{koho}");
        form["Initiatives[0].MidtermReport.Status"] = "OnTrack";
        form["Initiatives[0].MidtermReport.Text"] = "PostgreSQLで書いた中間報告";
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"/backoffice/goals/{koho}/publish", form.With("Slug", "koho-pg"))).StatusCode);
        var moved = await client.GetAsync("/seisaku-kikaku/r6/koho/");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/seisaku-kikaku/r6/koho-pg/", moved.Headers.Location!.OriginalString);
        Assert.Contains("PostgreSQLで書いた中間報告", await client.GetStringAsync("/seisaku-kikaku/r6/koho-pg/"));

        // The author's form is now stale.
        Assert.Equal(HttpStatusCode.Conflict, (await author.PostAsync($"/backoffice/goals/{koho}", stale.With("PurposeAndEffect", "古いフォーム"))).StatusCode);

        // 承認依頼 and approval.
        var request = (await author.ReadFormAsync($"/backoffice/goals/{smartCity}")).With("ApprovalNote", "お願いします").With("PurposeAndEffect", "承認される目的・効果");
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostAsync($"/backoffice/goals/{smartCity}/request-approval", request)).StatusCode);
        var requestId = await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.Where(a => a.Status == ApprovalStatus.Pending).Select(a => a.Id).SingleAsync());
        Assert.Contains("承認される目的・効果", await pr.Client.GetStringAsync($"/backoffice/approvals/{requestId}"));
        Assert.Contains("お願いします", await pr.Client.GetStringAsync("/backoffice/approvals"));
        var approve = await pr.ReadFormAsync($"/backoffice/approvals/{requestId}", $"/backoffice/approvals/{requestId}/approve");
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"/backoffice/approvals/{requestId}/approve", approve)).StatusCode);
        Assert.Contains("承認される目的・効果", await client.GetStringAsync("/seisaku-kikaku/r6/smart-city/"));

        // A due scheduled unpublish (set in the past straight through the store) runs on the next pass.
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentStore>().ScheduleAsync(smartCity, null, DateTime.UtcNow.AddMinutes(-1), "test");
        }

        var done = Assert.Single(await portal.Services.GetRequiredService<ScheduledPublishingService>().RunOnceAsync());
        Assert.Equal(ScheduledActionKind.Unpublish, done.Kind);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/seisaku-kikaku/r6/smart-city/")).StatusCode);
        using (var scope = portal.Services.CreateScope())
        {
            Assert.IsType<PostgresPortalDbContext>(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        }
    }
}

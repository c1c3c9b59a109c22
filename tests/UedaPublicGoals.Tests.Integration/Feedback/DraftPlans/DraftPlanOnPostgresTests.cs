using System.Net;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.DraftPlans;

/// <summary>The paragraph comment path on PostgreSQL: UTC timestamps, the count grouping and the filter's join translate there too.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DraftPlanOnPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_paragraph_comment_is_stored_counted_and_filtered_and_a_new_version_is_diffed_on_PostgreSQL()
    {
        using var portal = new FeedbackPortal { PostgresConnectionString = postgres.SeededConnectionStringFor("feedback_draft_plans") };
        var (staff, _) = await InboxTestData.LogInOfficerAsync(portal);
        var id = await DraftPlanSteps.PublishOpenAsync(portal, staff);
        var version = (await DraftPlanSteps.VersionsAsync(portal, id)).Single();
        Assert.Equal(DateTimeKind.Utc, version.PublishedUtc!.Value.Kind);

        var resident = portal.OpenSession();
        var (_, draft) = await resident.GetAsync(DraftPlanSteps.PublicUrl);
        var receipt = await CommentSteps.SubmitAsync(portal, resident, url: DraftPlanSteps.CommentLink(draft, "p2-1-1"));
        var stored = (await portal.CommentsAsync()).Single();
        Assert.Equal((receipt, version.Id, "2-1-1"), (stored.ReceiptNumber, stored.DraftVersionId, stored.ParagraphRef));

        var (_, after) = await resident.GetAsync(DraftPlanSteps.PublicUrl);
        Assert.Equal("寄せられた意見 1件", DraftPlanSteps.CountText(after, "p2-1-1"));
        Assert.Equal([receipt], InboxTestData.ListedReceipts(await staff.Client.GetStringAsync($"/backoffice/feedback?Draft={id}&Paragraph=2-1-1")));
        Assert.Empty(InboxTestData.ListedReceipts(await staff.Client.GetStringAsync($"/backoffice/feedback?Draft={id}&Paragraph=1-1-1")));

        var fields = await DraftPlanSteps.FieldsAsync(portal, TimeSpan.FromHours(-1), TimeSpan.FromDays(40),
            DraftPlanSteps.Body.Replace("居場所を増やします", "居場所と学習室を増やします", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/backoffice/feedback/drafts/{id}", $"/backoffice/feedback/drafts/{id}", fields)).StatusCode);
        await DraftPlanSteps.PublishAsync(staff, id);
        var (changes, html) = await resident.GetAsync(DraftPlanSteps.PublicUrl + "/2/changes");
        Assert.Equal(HttpStatusCode.OK, changes.StatusCode);
        Assert.Equal(["と学習室"], HtmlText.Parse(html).QuerySelectorAll(".draft-change ins").Select(e => e.TextContent));
    }
}

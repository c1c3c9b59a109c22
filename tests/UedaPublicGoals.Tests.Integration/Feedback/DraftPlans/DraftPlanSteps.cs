using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.DraftPlans;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Kernel;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.DraftPlans;

/// <summary>What 総合計画担当 do in the backoffice to put a draft plan to comment, as form posts.</summary>
public static class DraftPlanSteps
{
    public const string Slug = "dai3ji-keikaku-an";

    public const string PublicUrl = "/iken/an/" + Slug;

    /// <summary>A small plan with every kind of place a paragraph can sit (invented for the tests; the seed has no draft plan).</summary>
    public const string Body = """
        この案は、これからのまちづくりの方向を示します。

        # 第1章 総論

        総論の最初の段落です。

        ## 計画の目的

        目的の一つ目です。

        若い世代が住み続けたいと思えるまちをつくります。

        - 学ぶ場所
        - 働く場所

        ## 計画の期間

        2026年度から2035年度までの10年間です。

        # 第2章 まちづくりの方向

        ## 若者

        放課後に集まれる居場所を増やします。

        <script>alert('x')</script>
        """;

    public static string LocalInput(DateTime utc) => TokyoTime.ToTokyo(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static async Task<Dictionary<string, string>> FieldsAsync(FeedbackPortal portal, TimeSpan opensIn, TimeSpan period, string body = Body, string title = "第三次上田市総合計画（案）")
    {
        var consultation = await portal.ComprehensivePlanAsync();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        return new Dictionary<string, string>
        {
            ["Form.ConsultationId"] = consultation.Id.ToString(CultureInfo.InvariantCulture),
            ["Form.Slug"] = Slug,
            ["Form.Title"] = title,
            ["Form.Body"] = body,
            ["Form.OpensAt"] = LocalInput(now + opensIn),
            ["Form.ClosesAt"] = LocalInput(now + opensIn + period),
        };
    }

    /// <summary>Creates the draft (第1版, not yet published) and returns its id.</summary>
    public static async Task<int> CreateAsync(FeedbackPortal portal, BackofficeSession staff, Dictionary<string, string> fields)
    {
        var response = await staff.PostFormAsync("/backoffice/feedback/drafts/new", "/backoffice/feedback/drafts/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create answered {(int)response.StatusCode}: {HtmlText.MainText(await response.Content.ReadAsStringAsync())}");
        return await portal.WithDbAsync(db => db.DraftPlans.Where(d => d.Slug == fields["Form.Slug"]).Select(d => d.Id).SingleAsync());
    }

    /// <summary>Publishes the unpublished version and returns the edit page shown after it.</summary>
    public static async Task<string> PublishAsync(BackofficeSession staff, int id)
    {
        var page = $"/backoffice/feedback/drafts/{id}";
        var response = await staff.PostFormAsync(page, page + "/publish", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await staff.Client.GetStringAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>Creates and publishes a draft open for comment now for 40 days.</summary>
    public static async Task<int> PublishOpenAsync(FeedbackPortal portal, BackofficeSession staff)
    {
        var id = await CreateAsync(portal, staff, await FieldsAsync(portal, TimeSpan.FromHours(-1), TimeSpan.FromDays(40)));
        await PublishAsync(staff, id);
        return id;
    }

    public static Task<List<DraftPlanVersion>> VersionsAsync(FeedbackPortal portal, int id) =>
        portal.WithDbAsync(db => db.DraftPlanVersions.AsNoTracking().Where(v => v.DraftPlanId == id).OrderBy(v => v.Number).ToListAsync());

    /// <summary>The 「この段落に意見を送る」 link of a paragraph on the draft page.</summary>
    public static string CommentLink(string draftHtml, string anchor) =>
        HtmlText.Parse(draftHtml).QuerySelector($"#{anchor} .draft-paragraph__actions a")?.GetAttribute("href")
        ?? throw new InvalidOperationException($"No comment link in #{anchor}: {HtmlText.MainText(draftHtml)}");

    public static string CountText(string draftHtml, string anchor) =>
        HtmlText.Collapse(HtmlText.Parse(draftHtml).QuerySelector($"#{anchor} .draft-paragraph__count")!.TextContent);
}

using System.Net;
using AngleSharp.Dom;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>
/// The public results page is output-cached; whatever the inbox changes on it must show on the
/// next request, not after the cache expires. Each test first proves the page is served from the
/// cache (an Age header on the second request), then changes it through the inbox as an officer.
/// </summary>
public sealed class InboxResultsCacheTests : IAsyncLifetime
{
    private const string ResultsUrl = $"/iken/{FeedbackSeeder.ComprehensivePlanSlug}/results";

    private readonly PortalFactory portal = new();
    private BackofficeSession session = null!;
    private HttpClient resident = null!;

    public async Task InitializeAsync()
    {
        (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        resident = portal.CreatePublicClient();
    }

    public Task DisposeAsync()
    {
        portal.Dispose();
        return Task.CompletedTask;
    }

    private static Task<Comment> AddPublishedAsync(PortalFactory portal, string text) =>
        InboxTestData.AddCommentAsync(portal, c =>
        {
            c.Text = text;
            c.Status = CommentStatus.Answered;
            c.CityResponse = "市の考え方です。";
            c.IsPublished = true;
        });

    /// <summary>The results page as a resident sees it, after checking that this very page now comes from the cache.</summary>
    private async Task<string> CachedResultsAsync(string url = ResultsUrl)
    {
        var (first, html) = await HtmlText.GetAsync(resident, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var (second, again) = await HtmlText.GetAsync(resident, url);
        Assert.True(second.Headers.Age is not null, $"{url} was not served from the output cache");
        Assert.Equal(html, again);
        return HtmlText.MainText(html);
    }

    private async Task<string> ResultsNowAsync(string url = ResultsUrl)
    {
        var (response, html) = await HtmlText.GetAsync(resident, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age); // rendered afresh, not the cached copy
        return HtmlText.MainText(html);
    }

    [Fact]
    public async Task Unpublishing_on_the_detail_page_takes_the_comment_off_the_cached_results_page_at_once()
    {
        var comment = await AddPublishedAsync(portal, "駅前の駐輪場を増やしてほしい");
        var kept = await AddPublishedAsync(portal, "図書館の開館時間を延ばしてほしい");
        Assert.Contains("駅前の駐輪場を増やしてほしい", await CachedResultsAsync());

        var saved = await InboxHandlingTests.SaveHandlingAsync(session, comment, new() { ["Handling.IsPublished"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var text = await ResultsNowAsync();
        Assert.DoesNotContain("駅前の駐輪場を増やしてほしい", text);
        Assert.Contains(kept.Text, text);
    }

    [Fact]
    public async Task Hiding_on_the_detail_page_and_a_new_city_response_show_on_the_next_request()
    {
        var hidden = await AddPublishedAsync(portal, "宣伝を含む意見");
        var answered = await AddPublishedAsync(portal, "バスの本数を増やしてほしい");
        Assert.Contains("宣伝を含む意見", await CachedResultsAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await InboxHandlingTests.SaveHandlingAsync(session, hidden, new() { ["Handling.Status"] = "Hidden", ["Handling.HiddenReason"] = "宣伝・スパム" })).StatusCode);
        Assert.DoesNotContain("宣伝を含む意見", await ResultsNowAsync());

        Assert.DoesNotContain("路線の見直しで増便します。", await CachedResultsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await InboxHandlingTests.SaveHandlingAsync(session, answered, new() { ["Handling.CityResponse"] = "路線の見直しで増便します。" })).StatusCode);
        Assert.Contains("路線の見直しで増便します。", await ResultsNowAsync());
    }

    [Fact]
    public async Task Publishing_shows_the_comment_on_the_next_request()
    {
        var comment = await InboxTestData.AddCommentAsync(portal, c => c.Text = "公園にベンチを置いてほしい");
        Assert.DoesNotContain("公園にベンチを置いてほしい", await CachedResultsAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await InboxHandlingTests.SaveHandlingAsync(session, comment, new() { ["Handling.IsPublished"] = "true", ["Handling.PublishWithoutResponse"] = "true" })).StatusCode);
        Assert.Contains("公園にベンチを置いてほしい", await ResultsNowAsync());
    }

    [Fact]
    public async Task A_bulk_hide_takes_the_comments_off_the_cached_results_page_at_once()
    {
        var first = await AddPublishedAsync(portal, "一括で非表示にする意見A");
        var second = await AddPublishedAsync(portal, "一括で非表示にする意見B");
        var text = await CachedResultsAsync();
        Assert.Contains("一括で非表示にする意見A", text);
        Assert.Contains("一括で非表示にする意見B", text);

        var response = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk",
        [
            new("Bulk.Ids", first.Id.ToString()), new("Bulk.Ids", second.Id.ToString()),
            new("Bulk.Status", "Hidden"), new("Bulk.HiddenReason", "重複投稿"), new("Bulk.ReturnQuery", ""),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        text = await ResultsNowAsync();
        Assert.DoesNotContain("一括で非表示にする意見A", text);
        Assert.DoesNotContain("一括で非表示にする意見B", text);
        Assert.Contains("公開している意見はまだありません。", text);
    }

    [Fact]
    public async Task Editing_the_consultation_shows_on_its_cached_results_page_and_on_the_privacy_notice()
    {
        await AddPublishedAsync(portal, "総合計画への意見");
        var consultationId = await InboxTestData.WithFeedbackDbAsync(portal, db => Task.FromResult(db.Consultations.Single(c => c.IsDefault).Id));
        Assert.DoesNotContain("改題した意見募集", await CachedResultsAsync());
        Assert.DoesNotContain("改題した意見募集", await CachedResultsAsync("/iken/privacy"));

        var editPath = $"/backoffice/feedback/consultations/{consultationId}";
        var form = HtmlText.Parse(await session.Client.GetStringAsync(editPath)).QuerySelector($"form[action='{editPath}']")!;
        var fields = FieldsOf(form).Select(f => f.Key == "Form.Title" ? new KeyValuePair<string, string>(f.Key, "改題した意見募集") : f).ToList();
        var saved = await session.Client.PostAsync(editPath, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains("改題した意見募集", await ResultsNowAsync());
        Assert.Contains("改題した意見募集", await ResultsNowAsync("/iken/privacy"));
    }

    /// <summary>What a browser would post for <paramref name="form"/> as rendered (checked boxes only, selected options).</summary>
    private static IEnumerable<KeyValuePair<string, string>> FieldsOf(IElement form)
    {
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            var type = element.GetAttribute("type");
            if ((type is "checkbox" or "radio") && !element.HasAttribute("checked"))
            {
                continue;
            }

            var value = element.LocalName switch
            {
                "textarea" => element.TextContent,
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? "",
            };
            yield return new(name, value);
        }
    }
}

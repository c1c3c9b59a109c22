using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Results;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>寄せられた意見と市の考え方, and the poster for public facilities.</summary>
public sealed class PublicResultsTests
{
    private const string ResultsUrl = "/iken/dai3ji-sogo-keikaku/results";

    private static async Task<int> AddCommentsAsync(FeedbackPortal portal, string field, int count, bool published, string text = "公開してよい意見です。", CommentStatus status = CommentStatus.Answered)
    {
        var consultation = await portal.ComprehensivePlanAsync();
        return await portal.WithDbAsync(async db =>
        {
            var first = await db.Comments.CountAsync() + 1;
            for (var i = 0; i < count; i++)
            {
                var number = first + i;
                db.Comments.Add(new Comment
                {
                    ReceiptNumber = $"R6-9{number:D5}",
                    ConsultationId = consultation.Id,
                    Channel = CommentChannel.Web,
                    ReceivedUtc = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(number),
                    CreatedUtc = DateTime.UtcNow,
                    Text = $"{text}（{number}）",
                    Field = field,
                    AgeGroup = AgeGroup.HighSchool,
                    Residence = Residence.CommutesIn,
                    Nickname = "ひみつのニックネーム",
                    ReplyEmailProtected = "protected-value",
                    IsPublished = published,
                    Status = status,
                    CityResponse = "市としても検討します。",
                    ConcurrencyStamp = Guid.NewGuid(),
                });
            }

            await db.SaveChangesAsync();
            return count;
        });
    }

    [Fact]
    public async Task Only_published_comments_are_listed_grouped_by_field_with_the_city_response_and_never_nickname_email_or_residence()
    {
        using var portal = new FeedbackPortal();
        await AddCommentsAsync(portal, "スマートシティ・DX", 2, published: true, text: "<script>alert(1)</script>DXの意見");
        await AddCommentsAsync(portal, "SDGs・環境", 1, published: true);
        await AddCommentsAsync(portal, "情報発信・広報", 3, published: false, text: "非公開の意見");
        await AddCommentsAsync(portal, "情報発信・広報", 1, published: true, text: "非表示にした意見", status: CommentStatus.Hidden);

        var (response, html) = await portal.OpenSession().GetAsync(ResultsUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(html);
        var headings = document.QuerySelectorAll("section.results-group h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["スマートシティ・DX（2件）", "SDGs・環境（1件）"], headings);
        var text = HtmlText.MainText(html);
        Assert.Contains("<script>alert(1)</script>DXの意見", text);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;DXの意見", html);
        Assert.Contains("市としても検討します。", text);
        Assert.Contains("年代：高校生", text);
        foreach (var secret in new[] { "非公開の意見", "非表示にした意見", "ひみつのニックネーム", "protected-value", "市外から通勤・通学" })
        {
            Assert.DoesNotContain(secret, html);
        }
    }

    [Fact]
    public async Task A_field_with_many_comments_shows_a_few_and_pages_the_rest_with_more_links()
    {
        using var portal = new FeedbackPortal();
        await AddCommentsAsync(portal, "スマートシティ・DX", PublishedComments.PageSize + 3, published: true);
        var session = portal.OpenSession();

        var (_, overview) = await session.GetAsync(ResultsUrl);
        var document = HtmlText.Parse(overview);
        Assert.Equal(PublishedComments.OverviewPerGroup, document.QuerySelectorAll("article.result").Length);
        var more = document.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("もっと見る")).GetAttribute("href")!;
        Assert.Equal(ResultsUrl + "?field=2&page=1", more);

        var (_, first) = await session.GetAsync(more);
        Assert.Equal(PublishedComments.PageSize, HtmlText.Parse(first).QuerySelectorAll("article.result").Length);
        var next = HtmlText.Parse(first).QuerySelectorAll("main a").Single(a => a.TextContent.StartsWith("もっと見る")).GetAttribute("href")!;
        Assert.Equal(ResultsUrl + "?field=2&page=2", next);

        var (_, second) = await session.GetAsync(next);
        Assert.Equal(3, HtmlText.Parse(second).QuerySelectorAll("article.result").Length);
        Assert.DoesNotContain(HtmlText.Parse(second).QuerySelectorAll("main a"), a => a.TextContent.StartsWith("もっと見る"));

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(ResultsUrl + "?field=2&page=9")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(ResultsUrl + "?field=99")).Response.StatusCode);
    }

    [Fact]
    public async Task The_results_page_is_output_cached_until_the_inbox_evicts_it_after_publishing()
    {
        using var portal = new FeedbackPortal();
        var client = portal.CreatePublicClient();
        Assert.Contains("公開している意見はまだありません。", HtmlText.MainText((await HtmlText.GetAsync(client, ResultsUrl)).Html));

        await AddCommentsAsync(portal, "SDGs・環境", 1, published: true, text: "新しく公開した意見");
        Assert.DoesNotContain("新しく公開した意見", (await HtmlText.GetAsync(client, ResultsUrl)).Html); // served from the cache

        var consultation = await portal.ComprehensivePlanAsync();
        await portal.Services.GetRequiredService<FeedbackResultsCache>().EvictAsync(consultation.Id);
        Assert.Contains("新しく公開した意見", (await HtmlText.GetAsync(client, ResultsUrl)).Html);
    }

    [Fact]
    public async Task The_poster_carries_the_title_a_qr_code_and_the_public_form_url_and_prints_on_A4()
    {
        using var portal = new FeedbackPortal();
        var (response, html) = await portal.OpenSession().GetAsync("/iken/dai3ji-sogo-keikaku/poster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(html);
        Assert.Equal("第三次上田市総合計画への意見", document.QuerySelector(".poster__title")!.TextContent.Trim());
        Assert.Equal("https://goals.example.jp/iken/dai3ji-sogo-keikaku/", document.QuerySelector(".poster__url")!.TextContent.Trim());
        var qr = document.QuerySelector(".poster__qr");
        Assert.Equal("img", qr!.GetAttribute("role"));
        Assert.NotNull(qr.QuerySelector("svg"));

        var css = document.QuerySelector("link[href*='feedback']")!.GetAttribute("href")!;
        var stylesheet = await portal.CreatePublicClient().GetStringAsync(css);
        Assert.Contains("size: A4 portrait", stylesheet);
    }
}

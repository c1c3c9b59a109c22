using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Status;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// 「意見の状況」: the thanks page gives a 受付番号 and a check code; with both, a resident sees the
/// stage and, once published, the city's response — nothing personal, nothing without the code.
/// </summary>
public sealed class PublicStatusTests
{
    private static async Task<(string Receipt, string Code)> SubmitAsync(FeedbackPortal portal)
    {
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);
        var (sent, _) = await session.PostAsync(send);
        var (_, thanks) = await session.FollowAsync(sent);
        var page = HtmlText.Parse(thanks);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == StatusController.PageUrl);
        return (CommentSteps.ReceiptOn(thanks), page.QuerySelector(".receipt__code")!.TextContent.Trim());
    }

    private static async Task<(HttpResponseMessage Response, string Html, TimeSpan Took)> LookAsync(FeedbackPortal portal, string receipt, string code)
    {
        var session = portal.OpenSession();
        var form = await session.FormAsync(StatusController.PageUrl, "#status-form");
        form["ReceiptNumber"] = receipt;
        form["CheckCode"] = code;
        var started = Stopwatch.GetTimestamp();
        var (response, html) = await session.PostAsync(form);
        return (response, html, Stopwatch.GetElapsedTime(started));
    }

    private static string CurrentStage(string html) =>
        HtmlText.Parse(html).QuerySelector(".status-stage[aria-current=step] .status-stage__label")!.TextContent.Trim();

    [Fact]
    public async Task The_status_page_shows_each_stage_and_then_the_published_response_without_personal_data()
    {
        using var portal = new FeedbackPortal();
        var (receipt, code) = await SubmitAsync(portal);
        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", code);

        var (found, html, _) = await LookAsync(portal, receipt, code);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("no-store", found.Headers.CacheControl?.ToString());
        Assert.Equal("受付", CurrentStage(html));

        // Typed on a phone: full-width, lower case, no hyphen in the code.
        var typedReceipt = string.Concat(receipt.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));
        var (_, typedHtml, _) = await LookAsync(portal, typedReceipt, code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.Equal("受付", CurrentStage(typedHtml));

        foreach (var (status, stage) in new[] { (CommentStatus.Reviewed, "確認中"), (CommentStatus.ForwardedToCouncil, "審議会へ回付"), (CommentStatus.Hidden, "確認中") })
        {
            await portal.WithDbAsync(db => db.Comments.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status)));
            Assert.Equal(stage, CurrentStage((await LookAsync(portal, receipt, code)).Html));
        }

        await portal.WithDbAsync(db => db.Comments.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CommentStatus.Answered)
            .SetProperty(c => c.CityResponse, "駅前の市民交流センターに自習スペースを設ける方向で検討します。")
            .SetProperty(c => c.IsPublished, true)));
        var (_, answered, _) = await LookAsync(portal, receipt, code);
        Assert.Equal("市の考え方を公開", CurrentStage(answered));
        var text = HtmlText.MainText(answered);
        Assert.Contains("駅前の市民交流センターに自習スペースを設ける方向で検討します。", text);
        Assert.Contains("高校生が放課後に集まれる所", text);
        Assert.DoesNotContain("さくら", text);
        Assert.DoesNotContain("sakura@example.jp", answered);
        Assert.DoesNotContain("高校生（", text);
    }

    [Fact]
    public async Task A_wrong_code_answers_like_an_unknown_number_in_the_same_time_and_ten_wrong_codes_stop_the_lookup()
    {
        using var portal = new FeedbackPortal();
        var (receipt, code) = await SubmitAsync(portal);
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        var (right, _, rightTook) = await LookAsync(portal, receipt, code);
        var (unknown, unknownHtml, unknownTook) = await LookAsync(portal, "R0-123456", code);
        var (mistyped, mistypedHtml, wrongTook) = await LookAsync(portal, receipt, wrong);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, mistyped.StatusCode));
        Assert.Contains("意見が見つかりませんでした", HtmlText.MainText(mistypedHtml));
        Assert.Equal(HtmlText.Parse(unknownHtml).QuerySelector("#status-result")!.TextContent, HtmlText.Parse(mistypedHtml).QuerySelector("#status-result")!.TextContent);
        Assert.All([rightTook, unknownTook, wrongTook], took => Assert.True(took >= StatusController.AnswerTime, $"answered in {took}"));

        for (var i = 1; i < CommentStatusLookup.FailuresAllowed; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await LookAsync(portal, receipt, wrong)).Response.StatusCode);
        }

        var (limited, limitedHtml, _) = await LookAsync(portal, receipt, code);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("しばらく確かめられません", HtmlText.MainText(limitedHtml));
        Assert.DoesNotContain("受付 （", HtmlText.MainText(limitedHtml));
    }

    [Fact]
    public async Task Bad_input_gets_Japanese_messages_next_to_the_fields_and_a_post_without_antiforgery_is_refused()
    {
        using var portal = new FeedbackPortal();
        var (bad, html, _) = await LookAsync(portal, "12345", "ab");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = HtmlText.Parse(html);
        Assert.Contains("R8-000123 のように", page.QuerySelector("#ReceiptNumber-error")!.TextContent);
        Assert.Contains("8文字", page.QuerySelector("#CheckCode-error")!.TextContent);
        Assert.Equal("12345", page.QuerySelector("#ReceiptNumber")!.GetAttribute("value"));

        var forged = await portal.OpenSession().Client.PostAsync(StatusController.PageUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReceiptNumber"] = "R8-000001",
            ["CheckCode"] = "ABCD-EFGH",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.StatusLookupFailures.CountAsync()));
    }

    [Fact]
    public async Task A_resident_who_left_an_email_gets_one_email_when_the_response_is_published_and_the_decryption_is_audited()
    {
        using var portal = new FeedbackPortal { Smtp = new SmtpTestServer(), Settings = { ["Feedback:Notifications:ResponseMailSeconds"] = "1" } };
        var (receipt, _) = await SubmitAsync(portal);

        await portal.WithDbAsync(db => db.Comments.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CommentStatus.Answered)
            .SetProperty(c => c.CityResponse, "自習スペースを設ける方向で検討します。")
            .SetProperty(c => c.IsPublished, true)));

        var mail = await portal.Smtp!.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["sakura@example.jp"], mail.Recipients);
        var message = mail.Parse();
        Assert.Contains(receipt, message.Subject);
        Assert.Contains("自習スペースを設ける方向で検討します。", message.TextBody);
        Assert.Contains("https://goals.example.jp/iken/jokyo", message.TextBody);

        // Republished later: still one e-mail.
        await portal.WithDbAsync(db => db.Comments.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPublished, false)));
        await portal.WithDbAsync(db => db.Comments.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPublished, true)));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(portal.Smtp.TryTake(out _));

        using var scope = portal.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<UedaPublicGoals.Infrastructure.Database.PortalDbContext>();
        var entry = Assert.Single(await audit.AuditEntries.AsNoTracking().Where(e => e.Action == UedaPublicGoals.Feedback.Inbox.InboxAuditActions.ResponseMail).ToListAsync());
        Assert.Equal(receipt, entry.Target);
    }
}

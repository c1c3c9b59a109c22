using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>The young resident's path: goal page → form → confirmation → thanks with a 受付番号.</summary>
public sealed partial class PublicFormFlowTests
{
    [GeneratedRegex(@"^R\d+-\d{6}$")]
    private static partial Regex ReceiptFormat();

    [Fact]
    public async Task A_comment_from_a_goal_page_is_confirmed_then_stored_once_routed_by_the_seeded_rule_and_announced_to_staff_without_personal_data()
    {
        using var portal = new FeedbackPortal { Smtp = new SmtpTestServer() };
        await portal.UpdateConsultationAsync(c => c.StaffEmails = ["sogo-keikaku@example.jp"]);
        var koho = portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!;
        var session = portal.OpenSession();

        // The goal page links to the form, which opens for that goal.
        var (_, goalHtml) = await session.GetAsync(koho.Url);
        var link = HtmlText.Parse(goalHtml).QuerySelectorAll("main a").First(a => a.TextContent.Trim() == "この目標に意見を送る").GetAttribute("href")!;
        var entry = await session.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        var formUrl = entry.Headers.Location!.OriginalString;
        Assert.Equal($"/iken/dai3ji-sogo-keikaku/?goal={koho.DocumentId:D}", formUrl);
        var (formResponse, formHtml) = await session.GetAsync(formUrl);
        Assert.Contains("no-store", formResponse.Headers.CacheControl?.ToString());
        Assert.Contains($"重点目標「{koho.Content.Title}」", HtmlText.MainText(formHtml));

        // Confirmation: nothing is stored yet.
        var (confirm, confirmHtml) = await CommentSteps.ConfirmAsync(portal, session, url: formUrl);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmText = HtmlText.MainText(confirmHtml);
        Assert.Contains("入力内容の確認", confirmText);
        Assert.Contains("高校生が放課後に集まれる所", confirmText);
        Assert.Contains("sakura@example.jp", confirmText);
        Assert.Empty(await portal.CommentsAsync());

        // Send → 303 → thanks with the 受付番号 that was committed.
        var (sent, _) = await session.PostAsync(FormSession.ReadForm(confirmHtml, "#confirm-form"));
        var (thanks, thanksHtml) = await session.FollowAsync(sent);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        var receipt = CommentSteps.ReceiptOn(thanksHtml);
        Assert.Matches(ReceiptFormat(), receipt);
        Assert.Contains("これからのこと", HtmlText.MainText(thanksHtml));

        var comment = Assert.Single(await portal.CommentsAsync());
        var rule = await portal.WithDbAsync(db => db.RoutingRules.SingleAsync());
        Assert.Equal(receipt, comment.ReceiptNumber);
        Assert.Equal(rule.Id, comment.RoutingRuleId);
        Assert.Equal(rule.ConsultationId, comment.ConsultationId);
        Assert.Equal(CommentChannel.Web, comment.Channel);
        Assert.Equal(koho.DocumentId, comment.GoalDocumentId);
        Assert.Equal("seisaku-kikaku", comment.DepartmentSlug);
        Assert.Equal(koho.Content.Title, comment.GoalTitle);
        Assert.Equal(AgeGroup.HighSchool, comment.AgeGroup);
        Assert.Equal(Residence.InUeda, comment.Residence);
        Assert.Equal(CommentStatus.New, comment.Status);
        Assert.False(comment.IsPublished);

        // The staff e-mail went over real SMTP and carries no personal data, not even the text.
        var mail = await portal.Smtp!.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["sogo-keikaku@example.jp"], mail.Recipients);
        var message = mail.Parse();
        var body = message.TextBody;
        Assert.Contains(receipt, message.Subject);
        Assert.Contains("第三次上田市総合計画への意見", body);
        Assert.Contains("分野：生涯を通じて学び豊かな心を育むまちづくり（教育・大学・文化）", body);
        Assert.Contains("年代：高校生", body);
        Assert.Contains("受付方法：WEB（このサイト）", body);
        Assert.Contains($"https://goals.example.jp/backoffice/feedback/{comment.Id}", body);
        foreach (var personal in new[] { "放課後", "さくら", "sakura@example.jp", "上田市内", FeedbackPortal.ClientAddress })
        {
            Assert.DoesNotContain(personal, mail.Data);
        }

        Assert.NotNull((await portal.CommentsAsync()).Single().NotifiedUtc);
    }

    [Fact]
    public async Task A_double_submit_with_the_same_form_stores_one_comment_and_both_posts_get_the_same_receipt()
    {
        using var portal = new FeedbackPortal();
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);

        var (first, _) = await session.PostAsync(send);
        var (second, _) = await session.PostAsync(send);
        var firstReceipt = CommentSteps.ReceiptOn((await session.FollowAsync(first)).Html);
        var secondReceipt = CommentSteps.ReceiptOn((await session.FollowAsync(second)).Html);

        Assert.Equal(firstReceipt, secondReceipt);
        Assert.Equal(firstReceipt, Assert.Single(await portal.CommentsAsync()).ReceiptNumber);
    }

    [Fact]
    public async Task Two_simultaneous_posts_of_the_same_form_store_one_comment()
    {
        using var portal = new FeedbackPortal();
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);

        var posts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => session.PostAsync(send.Copy())));
        var receipts = new List<string>();
        foreach (var (response, _) in posts)
        {
            receipts.Add(CommentSteps.ReceiptOn((await session.FollowAsync(response)).Html));
        }

        Assert.Single(receipts.Distinct());
        Assert.Single(await portal.CommentsAsync());
    }

    [Fact]
    public async Task The_general_form_stores_a_comment_without_a_goal_in_its_own_consultation()
    {
        using var portal = new FeedbackPortal();
        var home = await portal.OpenSession().GetAsync("/");
        Assert.Contains(HtmlText.Parse(home.Html).QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/iken/");
        var entry = await portal.CreatePublicClient().GetAsync("/iken/");
        Assert.Equal(CommentSteps.FormUrl, entry.Headers.Location!.OriginalString);

        await CommentSteps.SubmitAsync(portal, portal.OpenSession());

        var comment = Assert.Single(await portal.CommentsAsync());
        Assert.Null(comment.GoalDocumentId);
        Assert.Null(comment.RoutingRuleId); // no rule matched: the form's consultation
        Assert.Equal((await portal.ComprehensivePlanAsync()).Id, comment.ConsultationId);
    }

    [Fact]
    public async Task Edit_returns_to_the_form_with_everything_the_resident_typed()
    {
        using var portal = new FeedbackPortal();
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);

        var (response, html) = await session.PostAsync(send, "/iken/dai3ji-sogo-keikaku/edit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = FormSession.ReadForm(html);
        Assert.StartsWith("駅前にもっと勉強できる場所", form["Text"]);
        Assert.Equal("HighSchool", form["AgeGroup"]);
        Assert.Equal("InUeda", form["Residence"]);
        Assert.Equal("さくら", form["Nickname"]);
        Assert.Equal("sakura@example.jp", form["ReplyEmail"]);
        Assert.Equal("true", form["Consent"]);
        Assert.Equal(send["Ticket"], form["Ticket"]);
        Assert.Empty(await portal.CommentsAsync());
    }
}

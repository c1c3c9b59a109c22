using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Routing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>The form belongs to one consultation; the routing rules decide where the comment lands.</summary>
public sealed class PublicRoutingTests
{
    [Fact]
    public async Task A_keyword_rule_sends_the_comment_to_another_consultation_and_the_thanks_page_says_where_it_went()
    {
        using var portal = new FeedbackPortal();
        var youth = await portal.WithDbAsync(async db =>
        {
            var consultation = new Consultation
            {
                Slug = "wakamono",
                Title = "若者の居場所についての意見",
                Description = "若者の居場所について。",
                Fields = ["居場所"],
                OpensUtc = DateTime.UtcNow.AddDays(-1),
            };
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync();
            db.RoutingRules.Add(new RoutingRule { Order = 0, Name = "居場所の話は若者の意見募集へ", Keyword = "ＩＢＡＳＨＯ", ConsultationId = consultation.Id });
            await db.SaveChangesAsync();
            return consultation;
        });
        var session = portal.OpenSession();

        var send = await CommentSteps.SendFormAsync(portal, session, f => f["Text"] = "放課後の ibasho がもっとほしいです。駅の近くにあると助かります。");
        var (sent, _) = await session.PostAsync(send);
        var (_, thanks) = await session.FollowAsync(sent);

        Assert.Contains("「若者の居場所についての意見」の担当者に届けました", HtmlText.MainText(thanks));
        var comment = Assert.Single(await portal.CommentsAsync());
        Assert.Equal(youth.Id, comment.ConsultationId);
        var rule = await portal.WithDbAsync(db => db.RoutingRules.SingleAsync(r => r.ConsultationId == youth.Id));
        Assert.Equal(rule.Id, comment.RoutingRuleId);
        Assert.Contains(HtmlText.Parse(thanks).QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/iken/wakamono/results");
    }

    [Fact]
    public async Task With_recaptcha_switched_on_the_form_pages_allow_googles_recaptcha_in_the_content_security_policy()
    {
        using var portal = new FeedbackPortal
        {
            Settings = { ["Feedback:AntiSpam:Recaptcha:Enabled"] = "true", ["Feedback:AntiSpam:Recaptcha:SiteKey"] = "site-key" },
        };
        var session = portal.OpenSession();

        var (form, _) = await session.GetAsync(CommentSteps.FormUrl);
        var policy = string.Join(";", form.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/", policy);
        Assert.Contains("frame-src 'self' https://www.google.com/recaptcha/", policy);

        var (_, confirmHtml) = await CommentSteps.ConfirmAsync(portal, session);
        var confirm = HtmlText.Parse(confirmHtml);
        Assert.Equal("site-key", confirm.QuerySelector("#confirm-form")!.GetAttribute("data-recaptcha-site-key"));
        Assert.NotNull(confirm.QuerySelector("input[name='g-recaptcha-response']"));

        var (home, _) = await session.GetAsync("/");
        Assert.DoesNotContain("google", string.Join(";", home.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// Bots, closed consultations, stored text and rate limits: each test counts what is stored, changes the
/// consultation or needs its own settings, so each starts a portal of its own.
/// </summary>
public sealed partial class PublicFormGuardFreshPortalTests
{
    [GeneratedRegex(@"^R\d+-\d{6}$")]
    private static partial Regex ReceiptFormat();

    [Fact]
    public async Task A_filled_honeypot_gets_a_normal_thanks_page_with_a_receipt_but_nothing_is_stored()
    {
        using var portal = new FeedbackPortal();
        var session = portal.OpenSession();

        var (response, _) = await CommentSteps.ConfirmAsync(portal, session, f => f[BotTrap.HoneypotField] = "https://spam.example");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (thanks, html) = await session.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Matches(ReceiptFormat(), CommentSteps.ReceiptOn(html));
        Assert.Contains("意見を受け付けました", HtmlText.MainText(html));
        Assert.Empty(await portal.CommentsAsync());
        Assert.Equal(1, await portal.WithDbAsync(db => Task.FromResult(db.RejectionCounters.Sum(r => r.Count))));
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_can_type_is_discarded_silently_at_both_steps()
    {
        using var portal = new FeedbackPortal { Settings = { ["Feedback:AntiSpam:MinimumFillSeconds"] = "600" } };
        var session = portal.OpenSession();

        // Straight to confirm.
        var (confirm, _) = await CommentSteps.ConfirmAsync(portal, session);
        Assert.Equal(HttpStatusCode.SeeOther, confirm.StatusCode);
        Assert.Matches(ReceiptFormat(), CommentSteps.ReceiptOn((await session.FollowAsync(confirm)).Html));

        // Straight to send, skipping the confirmation page.
        var form = await session.FormAsync(CommentSteps.FormUrl);
        FormSession.Fill(form);
        var (send, _) = await session.PostAsync(form, "/iken/dai3ji-sogo-keikaku/send");
        Assert.Equal(HttpStatusCode.SeeOther, send.StatusCode);

        Assert.Empty(await portal.CommentsAsync());
    }

    [Fact]
    public async Task A_closed_consultation_says_so_and_accepts_nothing_even_from_a_form_opened_before_it_closed()
    {
        using var portal = new FeedbackPortal();
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);
        await portal.UpdateConsultationAsync(c => c.ClosesUtc = portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));

        var (page, pageHtml) = await session.GetAsync(CommentSteps.FormUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("この意見募集は締め切りました", HtmlText.MainText(pageHtml));
        Assert.Empty(HtmlText.Parse(pageHtml).QuerySelectorAll("main form"));

        var (sent, sentHtml) = await session.PostAsync(send);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("締め切りました", HtmlText.MainText(sentHtml));
        Assert.Empty(await portal.CommentsAsync());
    }

    [Fact]
    public async Task A_consultation_that_has_not_started_says_so()
    {
        using var portal = new FeedbackPortal();
        await portal.UpdateConsultationAsync(c => c.OpensUtc = portal.Clock.GetUtcNow().UtcDateTime.AddDays(3));

        var (_, html) = await portal.OpenSession().GetAsync(CommentSteps.FormUrl);

        Assert.Contains("この意見募集はまだ始まっていません", HtmlText.MainText(html));
    }

    [Fact]
    public async Task Html_and_script_are_stored_as_text_and_shown_escaped_on_the_confirmation_page()
    {
        using var portal = new FeedbackPortal();
        var session = portal.OpenSession();
        const string Text = "<script>alert('x')</script><b>太字</b> と & の意見です。";

        var (_, html) = await CommentSteps.ConfirmAsync(portal, session, f => f["Text"] = Text);

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;太字&lt;/b&gt; と &amp; の意見です。", html);
        Assert.DoesNotContain("<script>alert", html);
        var send = FormSession.ReadForm(html, "#confirm-form");
        Assert.Equal(Text, send["Text"]);
        var (sent, _) = await session.PostAsync(send);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal(Text, Assert.Single(await portal.CommentsAsync()).Text);
    }

    [Fact]
    public async Task Control_characters_and_text_direction_overrides_are_stripped_and_newlines_kept()
    {
        using var portal = new FeedbackPortal();
        var session = portal.OpenSession();

        await CommentSteps.SubmitAsync(portal, session, f => f["Text"] = "一行目です\u0007\u202E。\r\n二行目\u001Bも書きました。\tおわり");

        Assert.Equal("一行目です。\n二行目も書きました。 おわり", Assert.Single(await portal.CommentsAsync()).Text);
    }

    [Fact]
    public async Task Too_many_submissions_from_one_client_get_429_with_a_Japanese_page_that_keeps_the_text()
    {
        using var portal = new FeedbackPortal
        {
            Settings = { ["Feedback:AntiSpam:RateLimit:PermitLimit"] = "2", ["Feedback:AntiSpam:RateLimit:WindowSeconds"] = "3600" },
        };

        await CommentSteps.SubmitAsync(portal, portal.OpenSession());
        await CommentSteps.SubmitAsync(portal, portal.OpenSession());
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session, f => f["Text"] = "三回目の意見です。ちゃんと残っていますか。");
        var (limited, html) = await session.PostAsync(send);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        var text = HtmlText.MainText(html);
        Assert.Contains("短い時間に続けて送信されたため", text);
        Assert.Contains("三回目の意見です。ちゃんと残っていますか。", text);
        Assert.Equal("三回目の意見です。ちゃんと残っていますか。", FormSession.ReadForm(html, "#confirm-form")["Text"]);
        Assert.Equal(2, (await portal.CommentsAsync()).Count);
    }
}

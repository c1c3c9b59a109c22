using System.Net;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>The proof-of-work switched on: solved in the browser, or a short wait without JavaScript; single use.</summary>
public sealed class PublicProofOfWorkTests
{
    private static FeedbackPortal PortalWith(string mode, string threshold = "30") => new()
    {
        Settings =
        {
            ["Feedback:AntiSpam:ProofOfWork"] = mode,
            ["Feedback:AntiSpam:ProofOfWorkDifficulty"] = "8",
            ["Feedback:AntiSpam:ProofOfWorkNoScriptWaitSeconds"] = "20",
            ["Feedback:AntiSpam:AutoThreshold"] = threshold,
        },
    };

    [Fact]
    public async Task A_solved_challenge_is_accepted_once_and_a_replay_with_another_form_is_refused()
    {
        using var portal = PortalWith("On");
        var session = portal.OpenSession();
        var (_, confirmHtml) = await CommentSteps.ConfirmAsync(portal, session);
        var status = HtmlText.Parse(confirmHtml).QuerySelector("#pow-status")!;
        Assert.Equal("8", status.GetAttribute("data-pow-difficulty"));
        var send = FormSession.ReadForm(confirmHtml, "#confirm-form");
        send[ProofOfWorkVerifier.NonceField] = CommentSteps.Solve(send[ProofOfWorkVerifier.TokenField]!, 8);

        var (sent, _) = await session.PostAsync(send);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);

        // Another form (new ticket) reusing the spent challenge and its solution.
        var other = await CommentSteps.SendFormAsync(portal, session, f => f["Text"] = "二つ目の意見を、同じ答えで送ってみます。");
        other[ProofOfWorkVerifier.TokenField] = send[ProofOfWorkVerifier.TokenField];
        other[ProofOfWorkVerifier.NonceField] = send[ProofOfWorkVerifier.NonceField];
        var (replayed, replayedHtml) = await session.PostAsync(other);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("この確認はすでに使われています", HtmlText.MainText(replayedHtml));
        Assert.Equal("二つ目の意見を、同じ答えで送ってみます。", FormSession.ReadForm(replayedHtml, "#confirm-form")["Text"]);
        Assert.Single(await portal.CommentsAsync());
    }

    [Fact]
    public async Task Without_javascript_the_resident_is_asked_to_wait_and_then_the_same_challenge_is_accepted()
    {
        using var portal = PortalWith("On");
        var session = portal.OpenSession();
        var (_, confirmHtml) = await CommentSteps.ConfirmAsync(portal, session);
        Assert.Contains("20秒ほど", HtmlText.Parse(confirmHtml).QuerySelector("noscript")!.InnerHtml);
        var send = FormSession.ReadForm(confirmHtml, "#confirm-form");

        var (early, earlyHtml) = await session.PostAsync(send);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("秒ほど待ってから、もう一度「送信する」を押してください", HtmlText.MainText(earlyHtml));
        var again = FormSession.ReadForm(earlyHtml, "#confirm-form");
        Assert.Equal(send[ProofOfWorkVerifier.TokenField], again[ProofOfWorkVerifier.TokenField]);
        Assert.Empty(await portal.CommentsAsync());

        portal.Clock.Advance(TimeSpan.FromSeconds(21));
        var (sent, _) = await session.PostAsync(again);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Single(await portal.CommentsAsync());
    }

    [Fact]
    public async Task A_wrong_solution_is_refused_and_keeps_the_text()
    {
        using var portal = PortalWith("On");
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);
        var token = send[ProofOfWorkVerifier.TokenField]!;
        send[ProofOfWorkVerifier.NonceField] = Enumerable.Range(0, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(n => !ProofOfWorkChallenges.IsSolution(token, n, 8));

        var (response, html) = await session.PostAsync(send);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("送信の確認ができませんでした", HtmlText.MainText(html));
        Assert.StartsWith("駅前にもっと勉強できる場所", FormSession.ReadForm(html, "#confirm-form")["Text"]);
        Assert.Empty(await portal.CommentsAsync());
    }

    [Fact]
    public async Task In_auto_mode_the_challenge_appears_once_rejections_reach_the_threshold()
    {
        using var portal = PortalWith("Auto", threshold: "2");
        var session = portal.OpenSession();
        Assert.Null(HtmlText.Parse((await CommentSteps.ConfirmAsync(portal, session)).Html).QuerySelector("#pow-status"));

        // Two bots fall into the honeypot.
        for (var i = 0; i < 2; i++)
        {
            var (bot, _) = await CommentSteps.ConfirmAsync(portal, portal.OpenSession(), f => f[BotTrap.HoneypotField] = "x");
            Assert.Equal(HttpStatusCode.SeeOther, bot.StatusCode);
        }

        Assert.NotNull(HtmlText.Parse((await CommentSteps.ConfirmAsync(portal, portal.OpenSession())).Html).QuerySelector("#pow-status"));
    }
}

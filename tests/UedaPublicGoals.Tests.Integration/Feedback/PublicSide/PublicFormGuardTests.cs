using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// Forgeries, unknown addresses and bad input: nothing wrong is stored, residents keep their text.
/// These tests store nothing, so they share one portal (<see cref="PublicFormGuardFreshPortalTests"/> has the rest).
/// </summary>
public sealed class PublicFormGuardTests(FeedbackPortal portal) : IClassFixture<FeedbackPortal>
{
    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_and_the_form_comes_back_with_the_text()
    {
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);
        send["__RequestVerificationToken"] = null;

        var (response, html) = await session.PostAsync(send);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("送信の安全を確かめる情報の期限が切れたため", HtmlText.MainText(html));
        Assert.StartsWith("駅前にもっと勉強できる場所", FormSession.ReadForm(html)["Text"]);
        Assert.Empty(await portal.CommentsAsync());

        // A fresh session (no antiforgery cookie at all) posting a stolen form gets the same refusal.
        var (stranger, _) = await portal.OpenSession().PostAsync(send);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Empty(await portal.CommentsAsync());
    }

    [Theory]
    [InlineData("/iken/no-such-consultation/")]
    [InlineData("/iken/dai3ji-sogo-keikaku/?goal=not-a-guid")]
    [InlineData("/iken/dai3ji-sogo-keikaku/?goal=00000000-0000-0000-0000-000000000001")]
    [InlineData("/iken/?goal=00000000-0000-0000-0000-000000000001")]
    [InlineData("/iken/no-such-consultation/results")]
    public async Task Unknown_consultations_and_goals_are_not_found(string url)
    {
        var (response, html) = await portal.OpenSession().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", html);
    }

    [Theory]
    [InlineData("Goal", "00000000-0000-0000-0000-000000000001")]
    [InlineData("Goal", "<script>")]
    [InlineData("Ticket", "forged-ticket")]
    [InlineData("Ticket", "")]
    public async Task A_forged_goal_or_form_ticket_is_refused_with_400_and_nothing_is_stored(string field, string value)
    {
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);
        send[field] = value;

        var (confirm, _) = await session.PostAsync(send, "/iken/dai3ji-sogo-keikaku/confirm");
        var (sent, _) = await session.PostAsync(send);

        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Empty(await portal.CommentsAsync());
    }

    [Fact]
    public async Task A_post_to_an_unknown_consultation_is_not_found()
    {
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);

        var (sent, _) = await session.PostAsync(send, "/iken/no-such-consultation/send");

        Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
        Assert.Empty(await portal.CommentsAsync());
    }

    public static TheoryData<string, string, string, string> BadInput() => new()
    {
        { "Text", "", "Text", "意見を書いてください。" },
        { "Text", " \n　\t ", "Text", "意見を書いてください。" },
        { "Text", "短すぎる意見", "Text", "意見は10文字以上で書いてください（いまは6文字です）。" },
        { "Text", new string('長', 2001), "Text", "意見は2,000文字以内にしてください（いまは2,001文字です）。" },
        { "Field", "存在しない分野", "Field", "分野は一覧の中から選んでください。" },
        { "Field", "", "Field", "分野を1つ選んでください。" },
        { "AgeGroup", "Hundreds", "AgeGroup", "年代は一覧の中から選んでください。" },
        { "AgeGroup", "3", "AgeGroup", "年代は一覧の中から選んでください。" },
        { "Residence", "Mars", "Residence", "住まいは一覧の中から選んでください。" },
        { "ReplyEmail", "sakura@", "ReplyEmail", "メールアドレスの形が正しくありません。ueda@example.jp のように入力してください。" },
        { "Nickname", new string('な', 31), "Nickname", "ニックネームは30文字以内にしてください。" },
        { "Consent", "", "Consent", "「意見の取扱い（個人情報）」を読んで、同意するにチェックを入れてください。" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_Japanese_message_next_to_the_field_and_in_the_summary_and_keeps_what_was_typed(string field, string value, string errorField, string message)
    {
        var session = portal.OpenSession();

        var (response, html) = await CommentSteps.ConfirmAsync(portal, session, f => f[field] = value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(html);
        Assert.Equal(message, document.QuerySelector($"#{errorField}-error")?.TextContent.Trim());
        Assert.Contains(message, document.QuerySelector(".error-summary")!.TextContent);
        Assert.StartsWith("エラー：", document.Title);
        var returned = FormSession.ReadForm(html);
        if (field == "Text")
        {
            Assert.Equal("true", document.QuerySelector("#Text")!.GetAttribute("aria-invalid"));
            Assert.Contains("Text-error", document.QuerySelector("#Text")!.GetAttribute("aria-describedby"));
        }
        else
        {
            Assert.StartsWith("駅前にもっと勉強できる場所", returned["Text"]);
        }

        Assert.Equal("sakura@example.jp" == value ? value : returned["ReplyEmail"], returned["ReplyEmail"]);
        Assert.Empty(await portal.CommentsAsync());
    }

    [Fact]
    public async Task A_null_character_is_refused_by_the_form_reader_with_400_and_nothing_is_stored()
    {
        var session = portal.OpenSession();

        var (response, _) = await CommentSteps.ConfirmAsync(portal, session, f => f["Text"] = "ヌル文字\u0000を含む意見です。");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await portal.CommentsAsync());
    }
}

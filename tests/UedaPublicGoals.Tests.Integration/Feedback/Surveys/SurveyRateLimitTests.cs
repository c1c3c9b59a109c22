using System.Net;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Surveys;

/// <summary>A survey's answers count towards the same flood guard per client as comments.</summary>
public sealed class SurveyRateLimitTests : PublishedSurveyTests
{
    public override Task InitializeAsync()
    {
        // Before the portal starts, which it does at the officer's sign-in.
        Portal.Settings["Feedback:AntiSpam:RateLimit:PermitLimit"] = "2";
        Portal.Settings["Feedback:AntiSpam:RateLimit:WindowSeconds"] = "3600";
        return base.InitializeAsync();
    }

    [Fact]
    public async Task Answers_and_comments_share_one_limit_and_the_answer_over_it_gets_429_in_Japanese_with_nothing_stored()
    {
        await SurveySteps.AnswerAsync(Portal, Survey);
        await CommentSteps.SubmitAsync(Portal, Portal.OpenSession());

        var commentsBefore = (await Portal.CommentsAsync()).Count;
        var (session, form) = await SurveySteps.OpenAndFillAsync(Portal, Survey);
        var (limited, html) = await session.PostAsync(form);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("短い時間に続けて送信されたため", HtmlText.MainText(html));
        Assert.Equal(1, await SurveySteps.AnswerSetCountAsync(Portal));
        Assert.Equal(commentsBefore, (await Portal.CommentsAsync()).Count);
    }
}

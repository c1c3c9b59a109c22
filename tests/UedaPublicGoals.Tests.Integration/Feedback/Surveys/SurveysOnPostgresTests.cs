using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Surveys;

/// <summary>The same survey answered and counted on PostgreSQL (grouped distinct counts, numbering of the free-text comments).</summary>
[Collection(PostgresCollection.Name)]
public sealed class SurveysOnPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task Answers_are_stored_and_counted_and_free_text_is_numbered_on_PostgreSQL()
    {
        using var portal = new FeedbackPortal { PostgresConnectionString = postgres.SeededConnectionStringFor("feedback_surveys") };
        var officer = await SurveySteps.LogInOfficerAsync(portal);
        var survey = await SurveySteps.CreatePublishedAsync(portal, officer);
        string html = "";
        for (var i = 0; i < 5; i++)
        {
            (_, html) = await SurveySteps.AnswerAsync(portal, survey, form =>
                form[SurveySteps.Field(survey, 2)] = SurveySteps.Choice(survey, 2, i < 2 ? "いいえ" : "はい"));
        }

        Assert.Equal(["はい 3 60.0%", "いいえ 2 40.0%"], SurveySteps.ResultRows(html, 2));
        Assert.Contains(SurveyLabels.UnderFiveMessage, HtmlText.Parse(html).QuerySelector("#result-3")!.ParentElement!.TextContent);

        var comments = await portal.CommentsAsync();
        Assert.Equal(10, comments.Count);
        Assert.All(comments, c => Assert.Equal(CommentChannel.WebSurvey, c.Channel));
        Assert.Equal(10, comments.Select(c => c.ReceiptNumber).Distinct().Count());
        Assert.Equal(5, await portal.WithDbAsync(db => db.SurveyAnswerSets.CountAsync()));
    }
}

using System.Net;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Privacy;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>How an answer set was received: from the web form, or a paper questionnaire keyed in by staff.</summary>
public sealed record SurveyReceipt(CommentChannel Channel, DateTime ReceivedUtc, string? SubmissionId = null, IPAddress? Client = null, string? EnteredBy = null, SingleUseKey? Spend = null);

/// <summary>
/// Stores a checked answer set through the node's one writer, with each free-text answer as an
/// inbox comment of the survey's consultation (channel WEBアンケート, or 郵送 for paper) linked to it.
/// </summary>
public sealed class SurveySubmissions(CommentWriter writer, ClientHasher clientHasher, TimeProvider clock)
{
    private const int HeadingTitleLength = 40;
    private const int HeadingQuestionLength = 80;

    public Task<SurveyOutcome> StoreAsync(Survey survey, SurveyAnswerCheck checkedAnswers, SurveyReceipt receipt, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var set = checkedAnswers.Set ?? throw new ArgumentException("Only a checked answer set is stored.", nameof(checkedAnswers));
        set.Channel = receipt.Channel;
        set.ReceivedUtc = receipt.ReceivedUtc;
        set.CreatedUtc = now;
        set.SubmissionId = receipt.SubmissionId;
        set.EnteredBy = receipt.EnteredBy;
        set.ClientHash = receipt.Client is null ? null : clientHasher.Hash(receipt.Client);

        var commentChannel = receipt.Channel == CommentChannel.Web ? CommentChannel.WebSurvey : receipt.Channel;
        var comments = checkedAnswers.FreeText.Select(answer => new Comment
        {
            ConsultationId = survey.ConsultationId,
            Channel = commentChannel,
            ReceivedUtc = receipt.ReceivedUtc,
            CreatedUtc = now,
            EnteredBy = receipt.EnteredBy,
            Text = Heading(survey, answer.Question) + answer.Text,
            AgeGroup = set.AgeGroup,
            Status = CommentStatus.New,
            ConcurrencyStamp = Guid.NewGuid(),
        }).ToList();
        return writer.WriteSurveyAsync(new SurveyWrite(set, comments, receipt.Spend), ct);
    }

    /// <summary>Where the text came from, so the inbox reads on its own: 【中学生アンケート】問3 …：</summary>
    public static string Heading(Survey survey, SurveyQuestion question) =>
        $"【{Shorten(survey.Title, HeadingTitleLength)}】問{question.Number}「{Shorten(question.Text, HeadingQuestionLength)}」への回答：\n";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

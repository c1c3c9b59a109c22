using System.Net;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Notifications;
using UedaPublicGoals.Feedback.Privacy;
using UedaPublicGoals.Feedback.Routing;
using UedaPublicGoals.Feedback.Status;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>A checked comment from the web form, with what the request knows about it.</summary>
public sealed record CommentSubmission(
    Consultation FormConsultation,
    ValidatedComment Input,
    FormTicket Ticket,
    FeedbackGoal? Goal,
    SingleUseKey? Spend,
    IPAddress? Client,
    DraftPlans.ParagraphTarget? Paragraph = null)
{
    /// <summary>The 取組 number the form was opened from ("3"), kept only when the goal has it.</summary>
    public string? Initiative { get; init; }
}

public abstract record SubmissionOutcome
{
    /// <summary>Committed (now, or earlier by a double submit with the same form ticket).</summary>
    public sealed record Stored(string ReceiptNumber, int ConsultationId, Guid? GoalDocumentId) : SubmissionOutcome;

    /// <summary>The proof-of-work challenge had already been spent by another submission.</summary>
    public sealed record ChallengeReplayed : SubmissionOutcome;
}

/// <summary>
/// Stores a web comment through the node's <see cref="CommentWriter"/>. The 受付番号 exists only
/// after the commit: the comment, its submission token (one comment per form ticket) and the spent
/// challenge (single use) are written in one transaction; the writer and the unique keys decide
/// any race between nodes or double clicks.
/// </summary>
public sealed class CommentSubmissionService(
    FeedbackDbContext db,
    CommentRouter router,
    CommentWriter writer,
    ClientHasher clientHasher,
    ReplyEmailProtector replyEmails,
    NotificationQueue notifications,
    TimeProvider clock)
{
    /// <summary>The comment already stored for this form ticket, if any.</summary>
    public Task<SubmissionOutcome.Stored?> FindAsync(string submissionId, CancellationToken ct = default) =>
        CommentBatch.FindAsync(db, submissionId, ct);

    public async Task<SubmissionOutcome> SubmitAsync(CommentSubmission submission, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var input = submission.Input;
        var goal = submission.Goal;
        // A comment on a draft's paragraph belongs to the draft's consultation, whatever the routing rules say.
        var route = submission.Paragraph is not null
            ? new RoutingDecision(submission.FormConsultation, null)
            : await router.RouteAsync(
                new CommentOrigin(goal?.DocumentId, goal?.DepartmentSlug, input.Field, input.Text),
                submission.FormConsultation.Id,
                now,
                ct);

        var comment = new Comment
        {
            ConsultationId = route.Consultation.Id,
            RoutingRuleId = route.Rule?.Id,
            Channel = CommentChannel.Web,
            ReceivedUtc = now,
            CreatedUtc = now,
            Text = input.Text,
            Field = input.Field,
            AgeGroup = input.AgeGroup,
            Residence = input.Residence,
            Nickname = input.Nickname,
            ReplyEmailProtected = input.ReplyEmail is null ? null : replyEmails.Protect(input.ReplyEmail),
            ClientHash = clientHasher.Hash(submission.Client),
            CheckCodeHash = CheckCodes.Hash(CheckCodes.For(submission.Ticket.SubmissionId)),
            Status = CommentStatus.New,
            ConcurrencyStamp = Guid.NewGuid(),
            DraftVersionId = submission.Paragraph?.Version.Id,
            ParagraphRef = submission.Paragraph?.Paragraph.Ref.Key,
        }.AboutGoal(goal, submission.Initiative);

        var outcome = await writer.WriteAsync(new CommentWrite(comment, submission.Ticket.SubmissionId, submission.Spend), ct);

        // Id is set only when this post stored the comment (not a repeat of an earlier one).
        if (outcome is SubmissionOutcome.Stored && comment.Id != 0 && route.Consultation.Notification == NotificationMode.PerComment)
        {
            notifications.Enqueue(comment.Id);
        }

        return outcome;
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Notifications;
using UedaPublicGoals.Feedback.Privacy;
using UedaPublicGoals.Feedback.Routing;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>A checked comment from the web form, with what the request knows about it.</summary>
public sealed record CommentSubmission(
    Consultation FormConsultation,
    ValidatedComment Input,
    FormTicket Ticket,
    FeedbackGoal? Goal,
    SingleUseKey? Spend,
    IPAddress? Client);

public abstract record SubmissionOutcome
{
    /// <summary>Committed (now, or earlier by a double submit with the same form ticket).</summary>
    public sealed record Stored(string ReceiptNumber, int ConsultationId, Guid? GoalDocumentId) : SubmissionOutcome;

    /// <summary>The proof-of-work challenge had already been spent by another submission.</summary>
    public sealed record ChallengeReplayed : SubmissionOutcome;
}

/// <summary>
/// Stores a web comment. The 受付番号 exists only after the commit: the comment, its submission
/// token (one comment per form ticket) and the spent challenge (single use) are written in one
/// transaction, and the unique keys on the last two decide any race between nodes or double clicks.
/// </summary>
public sealed class CommentSubmissionService(
    FeedbackDbContext db,
    CommentRouter router,
    ClientHasher clientHasher,
    ReplyEmailProtector replyEmails,
    NotificationQueue notifications,
    TimeProvider clock)
{
    /// <summary>The comment already stored for this form ticket, if any.</summary>
    public async Task<SubmissionOutcome.Stored?> FindAsync(string submissionId, CancellationToken ct = default)
    {
        var found = await (
                from token in db.SubmissionTokens.AsNoTracking()
                join comment in db.Comments.AsNoTracking() on token.CommentId equals comment.Id
                where token.Token == submissionId
                select new { comment.ReceiptNumber, comment.ConsultationId, comment.GoalDocumentId })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new SubmissionOutcome.Stored(found.ReceiptNumber, found.ConsultationId, found.GoalDocumentId);
    }

    public async Task<SubmissionOutcome> SubmitAsync(CommentSubmission submission, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var input = submission.Input;
        var goal = submission.Goal;
        var route = await router.RouteAsync(
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
            Status = CommentStatus.New,
            ConcurrencyStamp = Guid.NewGuid(),
        }.AboutGoal(goal);

        try
        {
            await db.InsertNumberedAsync(
                comment,
                numbered =>
                {
                    db.SubmissionTokens.Add(new SubmissionToken { Token = submission.Ticket.SubmissionId, CommentId = numbered.Id, CreatedUtc = now });
                    if (submission.Spend is { } spend)
                    {
                        db.SpentChallenges.Add(new SpentChallenge { ChallengeId = spend.ChallengeId, ExpiresUtc = spend.ExpiresUtc });
                    }
                },
                ct);
        }
        catch (DbUpdateException)
        {
            // Rolled back already; forget the rejected rows before asking the database what won.
            db.ChangeTracker.Clear();

            // A unique key said no: the same form was committed first (double submit), or the challenge was spent.
            if (await FindAsync(submission.Ticket.SubmissionId, ct) is { } earlier)
            {
                return earlier;
            }

            if (submission.Spend is { } spent && await db.SpentChallenges.AnyAsync(s => s.ChallengeId == spent.ChallengeId, ct))
            {
                return new SubmissionOutcome.ChallengeReplayed();
            }

            throw;
        }

        if (route.Consultation.Notification == NotificationMode.PerComment)
        {
            notifications.Enqueue(comment.Id);
        }

        return new SubmissionOutcome.Stored(comment.ReceiptNumber, comment.ConsultationId, comment.GoalDocumentId);
    }

    /// <summary>A number for a silently discarded bot submission: shaped like the next real ones, never stored.</summary>
    public async Task<string> FakeReceiptNumberAsync(CancellationToken ct = default)
    {
        var latest = await db.Comments.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        return ReceiptNumbers.For(latest + Random.Shared.Next(1, 4), clock.GetUtcNow().UtcDateTime);
    }
}

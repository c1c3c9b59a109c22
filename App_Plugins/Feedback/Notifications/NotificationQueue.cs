using System.Threading.Channels;

namespace UedaPublicGoals.Feedback.Notifications;

/// <summary>An e-mail to send about one comment; Attempt counts from 1.</summary>
public sealed record NotificationJob(long CommentId, int Attempt = 1);

/// <summary>
/// Comments to announce, filled after the comment is committed and drained by
/// <see cref="CommentNotificationSender"/>: the resident's request never waits for SMTP.
/// In memory per node; what a restart loses the sweep picks up from NotifiedUtc.
/// </summary>
public sealed class NotificationQueue
{
    private readonly Channel<NotificationJob> channel = Channel.CreateUnbounded<NotificationJob>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(long commentId) => Enqueue(new NotificationJob(commentId));

    public void Enqueue(NotificationJob job) => channel.Writer.TryWrite(job);

    public ChannelReader<NotificationJob> Reader => channel.Reader;
}

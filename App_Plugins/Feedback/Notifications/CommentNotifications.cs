using UedaPublicGoals.Kernel.Mail;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Hosting;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Notifications;

/// <summary>
/// Tells a consultation's staff about new comments by e-mail, per comment or as a daily digest.
/// The e-mail never carries personal data: no text (it may name a person), nickname, reply
/// address or residence; only 受付番号, consultation, 分野, 年代, channel and the inbox link.
/// </summary>
/// <remarks>
/// NotifiedUtc is claimed with a conditional update before sending, so two nodes never send the
/// same notice; a failed send releases the claim for a retry. Comments staff typed in themselves
/// (paper channels, EnteredBy set) are not announced back to staff.
/// </remarks>
public sealed class CommentNotifications(
    FeedbackDbContext db,
    SmtpMailSender mail,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    IOptions<FeedbackOptions> feedback,
    StaffPaths staff)
{
    /// <summary>Sends the per-comment e-mail. False when there is nothing to send (already sent, no staff, other mode).</summary>
    public async Task<bool> NotifyAsync(long commentId, CancellationToken ct = default)
    {
        if (!mail.IsConfigured)
        {
            return false;
        }

        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId && c.NotifiedUtc == null && c.EnteredBy == null, ct);
        if (comment is null)
        {
            return false;
        }

        var consultation = await db.Consultations.AsNoTracking().FirstAsync(c => c.Id == comment.ConsultationId, ct);
        if (consultation.Notification != NotificationMode.PerComment || consultation.StaffEmails.Count == 0)
        {
            return false;
        }

        var claimedAt = Now();
        if (!await ClaimAsync(comment.Id, claimedAt, ct))
        {
            return false;
        }

        try
        {
            await mail.SendAsync(PerCommentMessage(comment, consultation), ct);
            return true;
        }
        catch
        {
            await ReleaseAsync([comment.Id], claimedAt);
            throw;
        }
    }

    /// <summary>One e-mail per digest consultation listing its comments not yet announced. Returns the comments listed.</summary>
    public async Task<int> SendDailyDigestAsync(CancellationToken ct = default)
    {
        if (!mail.IsConfigured)
        {
            return 0;
        }

        var listed = 0;
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.Notification == NotificationMode.DailyDigest).ToListAsync(ct);
        foreach (var consultation in consultations.Where(c => c.StaffEmails.Count > 0))
        {
            var pending = await db.Comments.AsNoTracking()
                .Where(c => c.ConsultationId == consultation.Id && c.NotifiedUtc == null && c.EnteredBy == null)
                .OrderBy(c => c.Id)
                .ToListAsync(ct);
            var claimedAt = Now();
            var claimed = new List<Comment>();
            foreach (var comment in pending)
            {
                if (await ClaimAsync(comment.Id, claimedAt, ct))
                {
                    claimed.Add(comment);
                }
            }

            if (claimed.Count == 0)
            {
                continue;
            }

            try
            {
                await mail.SendAsync(DigestMessage(claimed, consultation, claimedAt), ct);
                listed += claimed.Count;
            }
            catch
            {
                await ReleaseAsync(claimed.Select(c => c.Id).ToList(), claimedAt);
                throw;
            }
        }

        return listed;
    }

    /// <summary>Per-comment notices that never went out and are not being sent now (older than <paramref name="olderThan"/>).</summary>
    public async Task<IReadOnlyList<long>> FindUnsentAsync(TimeSpan olderThan, CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - olderThan;
        var perComment = await db.Consultations.AsNoTracking()
            .Where(c => c.Notification == NotificationMode.PerComment)
            .Select(c => new { c.Id, c.StaffEmails })
            .ToListAsync(ct);
        var ids = perComment.Where(c => c.StaffEmails.Count > 0).Select(c => c.Id).ToList();
        return await db.Comments.AsNoTracking()
            .Where(c => c.NotifiedUtc == null && c.EnteredBy == null && c.CreatedUtc < before && ids.Contains(c.ConsultationId))
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .Take(500)
            .ToListAsync(ct);
    }

    /// <summary>Whole milliseconds: PostgreSQL keeps microseconds, and the release matches the claim by value.</summary>
    private DateTime Now()
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    private async Task<bool> ClaimAsync(long commentId, DateTime claimedAt, CancellationToken ct) =>
        await db.Comments.Where(c => c.Id == commentId && c.NotifiedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifiedUtc, claimedAt), ct) == 1;

    private async Task ReleaseAsync(IReadOnlyList<long> commentIds, DateTime claimedAt) =>
        await db.Comments.Where(c => commentIds.Contains(c.Id) && c.NotifiedUtc == claimedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifiedUtc, (DateTime?)null), CancellationToken.None);

    internal MimeMessage PerCommentMessage(Comment comment, Consultation consultation)
    {
        var body = new StringBuilder()
            .AppendLine($"「{consultation.Title}」に新しい意見が届きました。")
            .AppendLine()
            .AppendLine(Summary(comment, consultation))
            .AppendLine()
            .AppendLine("意見の内容は管理画面で確認してください（個人情報を含むことがあるため、メールには載せていません）。")
            .AppendLine(InboxLink(comment.Id))
            .AppendLine()
            .AppendLine(Footer);
        return Message(consultation, $"【新しい意見】{comment.ReceiptNumber}（{consultation.Title}）", body.ToString());
    }

    internal MimeMessage DigestMessage(IReadOnlyList<Comment> comments, Consultation consultation, DateTime nowUtc)
    {
        var today = TokyoTime.ToTokyo(nowUtc);
        var body = new StringBuilder()
            .AppendLine($"「{consultation.Title}」に、前回のお知らせから新しい意見が{comments.Count}件届いています。")
            .AppendLine("意見の内容は管理画面で確認してください（個人情報を含むことがあるため、メールには載せていません）。")
            .AppendLine();
        foreach (var comment in comments)
        {
            body.AppendLine(Summary(comment, consultation)).AppendLine(InboxLink(comment.Id)).AppendLine();
        }

        body.AppendLine(Footer);
        var date = today.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        return Message(consultation, $"【意見のまとめ】{date} 新しい意見{comments.Count}件（{consultation.Title}）", body.ToString());
    }

    private const string Footer = "このメールは上田市 重点目標ポータルから自動で送っています。返信しないでください。";

    private static string Summary(Comment comment, Consultation consultation) =>
        $"受付番号：{comment.ReceiptNumber}\n" +
        $"意見募集：{consultation.Title}\n" +
        $"分野：{comment.Field ?? "指定なし"}\n" +
        $"年代：{(comment.AgeGroup is { } age ? FeedbackLabels.Of(age) : "回答なし")}\n" +
        $"受付方法：{FeedbackLabels.Of(comment.Channel)}";

    private string InboxLink(long commentId)
    {
        var origin = options.Value.BackofficeBaseUrl;
        if (string.IsNullOrWhiteSpace(origin))
        {
            origin = feedback.Value.PublicBaseUrl;
        }

        return $"{origin?.TrimEnd('/')}{staff.Comment(commentId)}";
    }

    private MimeMessage Message(Consultation consultation, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(mail.From);
        foreach (var address in consultation.StaffEmails)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        return message;
    }
}

using UedaPublicGoals.Kernel.Mail;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Hosting;
using UedaPublicGoals.Feedback.Notifications;
using UedaPublicGoals.Feedback.Privacy;

namespace UedaPublicGoals.Feedback.Status;

/// <summary>
/// One e-mail to a resident who left a reply address, once the city's response to their comment is
/// published. The address is decrypted only to send, and each decryption is written to the audit
/// log; <see cref="Model.Comment.ResponseMailedUtc"/> is claimed with a conditional update first, so
/// two nodes never send the same e-mail and a comment is mailed once even if it is republished.
/// </summary>
public sealed class ResponseMail(
    FeedbackDbContext db,
    SmtpMailSender mail,
    ReplyEmailProtector replyEmails,
    IFeedbackAudit audit,
    TimeProvider clock,
    IConfiguration configuration)
{
    /// <summary>Sends the e-mails that are due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (!mail.IsConfigured)
        {
            return 0;
        }

        var due = await (
                from comment in db.Comments.AsNoTracking()
                join consultation in db.Consultations.AsNoTracking() on comment.ConsultationId equals consultation.Id
                where comment.IsPublished && comment.CityResponse != null && comment.ReplyEmailProtected != null
                    && comment.ResponseMailedUtc == null && comment.PersonalDataPurgedUtc == null
                orderby comment.Id
                select new { comment.Id, comment.ReceiptNumber, comment.ReplyEmailProtected, comment.CityResponse, consultation.Title, consultation.Slug })
            .Take(50)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var item in due)
        {
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            if (await db.Comments.Where(c => c.Id == item.Id && c.ResponseMailedUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResponseMailedUtc, claimedAt), ct) != 1)
            {
                continue;
            }

            var address = replyEmails.Unprotect(item.ReplyEmailProtected);
            if (address is null)
            {
                continue;
            }

            await audit.WriteAsync(Inbox.InboxAuditActions.ResponseMail, item.ReceiptNumber, "市の考え方の公開を返信用メールで知らせるため、メールアドレスを復号", ct);
            try
            {
                await mail.SendAsync(Message(address, item.ReceiptNumber, item.Title, item.Slug, item.CityResponse!), ct);
                sent++;
            }
            catch
            {
                await db.Comments.Where(c => c.Id == item.Id && c.ResponseMailedUtc == claimedAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResponseMailedUtc, (DateTime?)null), CancellationToken.None);
                throw;
            }
        }

        return sent;
    }

    private MimeMessage Message(string address, string receipt, string consultationTitle, string slug, string response)
    {
        var origin = (configuration["Feedback:PublicBaseUrl"] is { Length: > 0 } own ? own : configuration["Site:PublicBaseUrl"] ?? "").TrimEnd('/');
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            「{consultationTitle}」にお寄せいただいた意見（受付番号 {receipt}）について、市の考え方を公開しました。

            市の考え方：
            {response}

            意見の状況（受付番号と確認コードを入力）：{origin}/iken/jokyo
            寄せられた意見と市の考え方：{origin}/iken/{slug}/results

            このメールは、意見を送るときに返信用メールアドレスを書いた方に、一度だけお送りしています。
            このメールには返信できません。
            """);
        var message = new MimeMessage { Subject = $"意見への市の考え方を公開しました（受付番号 {receipt}）", Body = new TextPart("plain") { Text = text } };
        message.From.Add(mail.From);
        message.To.Add(MailboxAddress.Parse(address));
        return message;
    }
}

/// <summary>Looks for published responses to mail every <see cref="NotificationOptions.ResponseMailSeconds"/>.</summary>
public sealed class ResponseMailSender(
    IServiceScopeFactory scopes,
    SmtpMailSender mail,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<ResponseMailSender> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ResponseMailSeconds));
        return !mail.IsConfigured
            ? Task.CompletedTask
            : RepeatingWork.RunAsync(scopes, clock, () => interval,
                (services, ct) => services.GetRequiredService<ResponseMail>().SendDueAsync(ct),
                ex => logger.LogWarning(ex, "E-mails about published responses failed; trying again in {Interval}.", interval),
                stoppingToken);
    }
}

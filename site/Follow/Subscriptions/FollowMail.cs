using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using UedaPublicGoals.Kernel.Mail;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Follow.Subscriptions;

/// <summary>A followed topic with what happened to it, for one digest mail.</summary>
public sealed record DigestSection(FollowedThing Thing, IReadOnlyList<FollowUpdate> Updates);

/// <summary>
/// Writes and sends the subscription mails through the kernel's one SMTP sender. Every mail carries the RFC 8058
/// one-click unsubscribe headers (List-Unsubscribe with an https link, List-Unsubscribe-Post), so a mail client's
/// 「配信停止」 works without opening the page.
/// </summary>
public sealed class FollowMail(SmtpMailSender sender, FollowTokens tokens, IOptions<SiteOptions> site, IOptions<FollowOptions> options)
{
    public bool IsConfigured => sender.IsConfigured;

    public string UnsubscribeUrl(string addressHash) =>
        $"{site.Value.PublicOrigin}{FollowPaths.Unsubscribe}?token={Uri.EscapeDataString(tokens.ForUnsubscribe(addressHash))}";

    public Task SendConfirmationAsync(string address, string addressHash, FollowedThing thing, ConfirmationToken token, CancellationToken ct)
    {
        var link = $"{site.Value.PublicOrigin}{FollowPaths.Confirm}?token={Uri.EscapeDataString(tokens.ForConfirmation(token))}";
        var body = new StringBuilder()
            .AppendLine($"{site.Value.Name}で、{thing.Title}の更新情報をメールで受け取る登録を受け付けました。")
            .AppendLine()
            .AppendLine("登録を完了するには、次のページを開いて「登録する」を押してください。")
            .AppendLine(link)
            .AppendLine()
            .AppendLine($"このリンクは{TokyoTime.LongDateTime(token.ExpiresUtc)}まで使えます。登録が完了するまで、このメールのほかには何も送りません。")
            .AppendLine("心当たりがない場合は、このメールを削除してください。何もしなければ登録されません。")
            .AppendLine()
            .AppendLine($"（{options.Value.ConfirmationHours}時間以内に確認されない登録は無効になります）")
            .ToString();
        return SendAsync(address, addressHash, $"【{site.Value.Name}】メールでの更新情報の登録を確認してください", body, ct);
    }

    public Task SendDigestAsync(string address, string addressHash, DateOnly day, IReadOnlyList<DigestSection> sections, CancellationToken ct)
    {
        var body = new StringBuilder()
            .AppendLine($"{site.Value.Name}の更新情報です（{TokyoTime.LongDate(day)}まで）。")
            .AppendLine();
        foreach (var section in sections)
        {
            body.AppendLine($"■ {section.Thing.Title}");
            foreach (var update in section.Updates.OrderBy(u => u.Utc))
            {
                body.AppendLine($"・{update.Title}（{TokyoTime.LongDateTime(update.Utc)}）")
                    .AppendLine($"  {update.Summary}")
                    .AppendLine($"  {site.Value.PublicOrigin}{update.Url}");
            }

            body.AppendLine();
        }

        body.AppendLine("このメールは、1日1回、前回のお知らせ以降の更新をまとめて送っています。")
            .AppendLine($"配信の停止：{UnsubscribeUrl(addressHash)}");
        var count = sections.Sum(s => s.Updates.Count);
        return SendAsync(address, addressHash, $"【{site.Value.Name}】更新情報 {count}件（{TokyoTime.LongDate(day)}）", body.ToString(), ct);
    }

    private async Task SendAsync(string address, string addressHash, string subject, string text, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(sender.From);
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = subject;
        message.Headers.Add("List-Unsubscribe", $"<{UnsubscribeUrl(addressHash)}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart("plain") { Text = text };
        await sender.SendAsync(message, ct);
    }
}

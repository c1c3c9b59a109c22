using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace UedaPublicGoals.Kernel.Mail;

/// <summary>Sends one message over SMTP with MailKit: a new connection per message, which is plenty for staff notices.</summary>
public sealed class SmtpMailSender(IOptionsMonitor<SmtpOptions> options)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.Host) && !string.IsNullOrWhiteSpace(options.CurrentValue.From);

    public MailboxAddress From => MailboxAddress.Parse(options.CurrentValue.From!);

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var settings = options.CurrentValue;
        var security = settings.UseStartTls
            ? SecureSocketOptions.StartTls
            : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Mail__Host is not set."), settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

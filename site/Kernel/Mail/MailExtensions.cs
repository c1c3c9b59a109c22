using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UedaPublicGoals.Kernel.Mail;

public static class MailExtensions
{
    /// <summary>Registers the portal's one SMTP sender; the host and the feedback module may both call it.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SmtpMailSender)))
        {
            return services;
        }

        services.AddSettings<SmtpOptions>(SmtpOptions.Section);
        services.TryAddSingleton<SmtpMailSender>();
        return services;
    }
}

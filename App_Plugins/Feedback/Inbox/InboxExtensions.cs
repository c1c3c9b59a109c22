using Microsoft.Extensions.DependencyInjection;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>The staff side of the module: inbox, export, statistics, consultation and routing admin.</summary>
public static class InboxExtensions
{
    public static IServiceCollection AddFeedbackInbox(this IServiceCollection services)
    {
        services.AddScoped<InboxService>();
        services.AddScoped<InboxContacts>();
        return services;
    }
}

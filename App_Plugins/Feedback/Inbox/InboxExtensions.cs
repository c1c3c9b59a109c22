using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>The staff side of the module: inbox, export, statistics, consultation and routing admin.</summary>
public static class InboxExtensions
{
    public static WebApplicationBuilder AddFeedbackInbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InboxService>();
        builder.Services.AddScoped<InboxContacts>();
        return builder;
    }
}

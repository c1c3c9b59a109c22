using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Kernel.Audit;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>The staff side of the module: inbox, export, statistics, consultation and routing admin.</summary>
public static class InboxExtensions
{
    public static WebApplicationBuilder AddFeedbackInbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InboxService>();
        builder.Services.AddScoped<InboxContacts>();
        builder.Services.AddScoped<InboxAssignees>();
        builder.Services.AddAuditActions(typeof(InboxAuditActions)); // labels and filter entries in the host's log viewer
        builder.Services.AddAuditActions(typeof(Surveys.SurveyAuditActions));
        builder.Services.AddAuditActions(typeof(DraftPlans.DraftPlanAuditActions));
        return builder;
    }
}

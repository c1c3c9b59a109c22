using Microsoft.AspNetCore.Authorization;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Backoffice.Scheduling;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Kernel.Mail;

namespace UedaPublicGoals.Backoffice.Editing;

public static class EditingExtensions
{
    /// <summary>Content editing, 承認依頼, scheduled publishing and redirects after slug changes.</summary>
    public static WebApplicationBuilder AddContentEditing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EditorAccess>();
        services.AddScoped<IAuthorizationHandler, EditContentAreaHandler>();
        services.AddScoped<PlacementRules>();
        services.AddMail();
        services.AddScoped<Notifications.StaffMail>();
        services.AddScoped<ApprovalMail>();
        services.AddScoped<ApprovalWorkflow>();
        services.AddScoped<EditorServices>();

        services.AddSettings<SchedulingOptions>(SchedulingOptions.Section);
        services.AddSingleton<ScheduledPublishingService>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublishingService>());

        builder.AddContentRedirects();
        return builder;
    }
}

namespace UedaPublicGoals.Reporting;

public static class ReportingExtensions
{
    public static WebApplicationBuilder AddReporting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportingCalendar>();
        builder.Services.AddScoped<Status.ReportingStatusQuery>();
        builder.Services.AddSettings<Reminders.ReminderOptions>(Reminders.ReminderOptions.Section);
        builder.Services.AddScoped<Reminders.ReportReminders>();
        builder.Services.AddSingleton<Reminders.ReminderService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Reminders.ReminderService>());
        return builder;
    }
}

namespace UedaPublicGoals.Reporting;

public static class ReportingExtensions
{
    public static WebApplicationBuilder AddReporting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportingCalendar>();
        return builder;
    }
}

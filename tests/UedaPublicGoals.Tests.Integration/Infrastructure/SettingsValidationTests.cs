using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback;

namespace UedaPublicGoals.Tests.Integration.Infrastructure;

/// <summary>Every settings section is validated when the site starts, not when a request first needs it.</summary>
public sealed class SettingsValidationTests
{
    private sealed class PortalWithSetting(string key, string value) : PortalFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }

    [Theory]
    [InlineData("Scheduling:IntervalSeconds", "0", "SchedulingOptions", "IntervalSeconds")]
    [InlineData("Site:PublicBaseUrl", "goals.example.jp", "SiteOptions", "PublicBaseUrl")]
    [InlineData("Media:StoragePath", "", "MediaOptions", "StoragePath")]
    [InlineData("Media:UploadsPerHour", "0", "MediaOptions", "UploadsPerHour")]
    [InlineData("Media:QuotaBytesPerUser", "0", "MediaOptions", "QuotaBytesPerUser")]
    [InlineData("Search:CatchUpInterval", "-00:01:00", "SearchOptions", "CatchUpInterval")]
    [InlineData("Backoffice:AdminEmail", "not-an-address", "BackofficeOptions", "AdminEmail")]
    [InlineData("Feedback:PublicBaseUrl", "ftp://goals.example.jp", "FeedbackOptions", "PublicBaseUrl")]
    [InlineData("Feedback:Notifications:DigestHour", "24", "NotificationOptions", "DigestHour")]
    [InlineData("Mail:Port", "70000", "SmtpOptions", "Port")]
    [InlineData("Reporting:Reminders:DaysBefore", "-1", "ReminderOptions", "DaysBefore")]
    [InlineData("Reporting:Reminders:SendHour", "24", "ReminderOptions", "SendHour")]
    [InlineData("Reporting:Reminders:OverdueRepeatDays", "400", "ReminderOptions", "OverdueRepeatDays")]
    [InlineData("Feedback:AntiSpam:ProofOfWorkDifficulty", "0", "AntiSpamOptions", "ProofOfWorkDifficulty")]
    [InlineData("Feedback:Privacy:MaintenanceIntervalMinutes", "0", "PrivacyOptions", "MaintenanceIntervalMinutes")]
    public void A_bad_value_stops_start_up_naming_the_setting(string key, string value, string optionsType, string member)
    {
        using var portal = new PortalWithSetting(key, value);

        var thrown = Assert.ThrowsAny<Exception>(() => portal.CreatePublicClient());

        // When the site fails fast, WebApplicationFactory can reach the stopped host's disposed services before it
        // hands over the failure (ObjectDisposedException); the host has logged the failure by then ("Hosting failed
        // to start"), so the validation error is looked for there too.
        var validation = Flatten(thrown)
            .Concat(portal.Logs.Entries.Where(e => e.Exception is not null).SelectMany(e => Flatten(e.Exception!)))
            .OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, $"expected an OptionsValidationException, got {thrown}");
        Assert.Equal(optionsType, validation.OptionsType.Name);
        Assert.Contains(member, validation.Message);
    }

    [Fact]
    public void The_feedback_module_gets_its_contract_from_the_host()
    {
        using var portal = new PortalFactory();
        portal.CreatePublicClient().Dispose();

        var feedback = portal.Services.GetRequiredService<IOptions<FeedbackOptions>>().Value;

        Assert.Equal("/backoffice/feedback", feedback.BackofficePath);
        Assert.Equal(("_Layout", "_BackofficeLayout"), (feedback.PublicLayout, feedback.BackofficeLayout));
        Assert.Equal((FeedbackDatabaseProvider.Sqlite, portal.SqliteConnectionString), (feedback.DatabaseProvider, feedback.DatabaseConnectionString));
        // No Feedback__PublicBaseUrl: the site's public origin.
        Assert.Equal("https://goals.example.jp", feedback.PublicBaseUrl);
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}

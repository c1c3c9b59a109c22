using UedaPublicGoals.Kernel.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Notifications;
using UedaPublicGoals.Feedback.Privacy;
using UedaPublicGoals.Feedback.Results;
using UedaPublicGoals.Feedback.Routing;
using UedaPublicGoals.Feedback.Status;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Feedback.Surveys;

namespace UedaPublicGoals.Feedback.Public;

/// <summary>
/// The resident side of the module (form, anti-spam, submission, notifications, privacy, results,
/// poster) and the services the staff side shares: <see cref="CommentRouter"/>,
/// <see cref="ReplyEmailProtector"/>, <see cref="FeedbackResultsCache"/>, <see cref="NotificationQueue"/>.
/// Called from AddFeedback(); the host adds app.UseSubmitRateLimit() after UseRouting().
/// </summary>
public static class FeedbackResidentSideExtensions
{
    public static WebApplicationBuilder AddFeedbackResidentSide(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<AntiSpamOptions>(AntiSpamOptions.Section);
        services.AddSettings<PrivacyOptions>(PrivacyOptions.Section);
        services.AddMail();
        services.AddSettings<NotificationOptions>(NotificationOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        // Signing and the reply e-mail use the host's Data Protection key ring (kept in the database).
        services.AddDataProtection();

        // Anti-spam
        services.AddSingleton<ProofOfWorkChallenges>();
        services.AddScoped<ProofOfWorkVerifier>();
        services.AddHttpClient<RecaptchaVerifier>();
        services.AddScoped<RejectionTally>();
        services.AddScoped<ClientAllowance>();
        services.AddScoped<HumanCheckPolicy>();
        services.AddSingleton<SubmitRateLimit>();
        services.AddTransient<IStartupFilter, RecaptchaContentSecurityPolicy>();

        // Submission and routing
        services.AddSingleton<FormTickets>();
        services.AddSingleton<ThanksLinks>();
        services.AddScoped<CommentRouter>();
        services.AddScoped<CommentSubmissionService>();
        services.AddSingleton<CommentWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CommentWriter>());

        // WEBアンケート: answers go through the same writer
        services.AddSingleton<SurveyAnsweredCookie>();
        services.AddSingleton<PublishedSurveyQuestions>();
        services.AddScoped<SurveySubmissions>();

        // Status by 受付番号
        services.AddScoped<CommentStatusLookup>();
        services.AddScoped<ResponseMail>();
        services.AddHostedService<ResponseMailSender>();

        // Privacy
        services.AddSingleton<ClientHasher>();
        services.AddSingleton<ReplyEmailProtector>();
        services.AddScoped<PersonalDataPurge>();
        services.AddHostedService<FeedbackMaintenanceService>();

        // Notifications
        services.AddSingleton<NotificationQueue>();
        services.AddScoped<CommentNotifications>();
        services.AddHostedService<CommentNotificationSender>();
        services.AddHostedService<DailyDigestService>();

        // Results
        services.AddOutputCache(o => o.AddPolicy(
            FeedbackResultsCache.PolicyName,
            b => b.Expire(TimeSpan.FromHours(1)).SetVaryByQuery("field", "page").SetVaryByHost(true).Tag(FeedbackResultsCache.AllTag)));
        services.AddSingleton<FeedbackResultsCache>();
        services.AddScoped<PublishedComments>();
        return builder;
    }
}

using UedaPublicGoals.Follow.Digest;
using UedaPublicGoals.Follow.Subscriptions;
using UedaPublicGoals.Kernel.Mail;

namespace UedaPublicGoals.Follow;

/// <summary>
/// Follow without an account: Atom feeds of the site, a goal and a consultation (/oshirase/atom…), and e-mail
/// subscriptions with double opt-in, a daily digest and one-click unsubscribe (/oshirase/touroku…). What a publish
/// changed is recorded by <see cref="Changes.RecordGoalChanges"/> in the publish's transaction, listed in Content/Publishing/Handlers.
/// </summary>
public static class FollowExtensions
{
    public const string FeedPolicy = "Follow.Feed";

    public static WebApplicationBuilder AddFollow(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<FollowOptions>(FollowOptions.Section);
        services.AddMail();
        services.AddOutputCache(o =>
            // Publishes evict goal and site feeds by tag, the inbox evicts consultation feeds; the expiry brings in
            // what only time changes (a consultation opening or closing).
            o.AddPolicy(FeedPolicy, b => b.Expire(TimeSpan.FromMinutes(10))));
        services.AddScoped<FollowUpdates>();
        services.AddSingleton<SubscriberAddress>();
        services.AddSingleton<FollowTokens>();
        services.AddSingleton<SubscribeRateLimit>();
        services.AddScoped<FollowMail>();
        services.AddScoped<SubscriptionService>();
        services.AddScoped<DailyDigest>();
        services.AddHostedService<DailyDigestService>();
        return builder;
    }
}

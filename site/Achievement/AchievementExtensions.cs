namespace UedaPublicGoals.Achievement;

public static class AchievementExtensions
{
    public static WebApplicationBuilder AddAchievement(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AchievementOptions>()
            .BindConfiguration(AchievementOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.ShareForA < o.ShareForS, "Achievement:ShareForA must be below Achievement:ShareForS.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AchievementRule>();
        return builder;
    }
}

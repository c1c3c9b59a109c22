using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Kernel.Markdown;

namespace UedaPublicGoals.Feedback.DraftPlans;

public static class DraftPlanExtensions
{
    /// <summary>Draft plans by paragraph: the reader the public pages, the comment form and the inbox share.</summary>
    public static IServiceCollection AddDraftPlans(this IServiceCollection services)
    {
        services.AddMarkdown();
        services.AddMemoryCache();
        services.AddScoped<DraftPlanReader>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UedaPublicGoals.Kernel.Markdown;

namespace UedaPublicGoals.Feedback.ResultNotice;

public static class ResultNoticeExtensions
{
    public static IServiceCollection AddResultNotice(this IServiceCollection services)
    {
        services.AddScoped<ResultNoticeBuilder>();
        services.AddScoped<ResultNoticeService>();
        // The host registers the same renderer for its pages; the module works without it too.
        services.TryAddSingleton<MarkdownRenderer>();
        return services;
    }
}

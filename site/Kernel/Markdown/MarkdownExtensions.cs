using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UedaPublicGoals.Kernel.Markdown;

public static class MarkdownExtensions
{
    /// <summary>Registers the portal's one Markdown renderer; the host and the feedback module may both call it.</summary>
    public static IServiceCollection AddMarkdown(this IServiceCollection services)
    {
        services.TryAddSingleton<MarkdownRenderer>();
        return services;
    }
}

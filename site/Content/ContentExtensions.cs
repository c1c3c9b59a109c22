using UedaPublicGoals.Kernel.Markdown;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Publishing.Handlers;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Content;

public static class ContentExtensions
{
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<ContentOptions>(ContentOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<PublishedContentCache>();
        builder.Services.AddSingleton<Sync.NodeIdentity>();
        builder.Services.AddSettings<Sync.CacheSyncOptions>("Content:Sync");
        builder.Services.AddSingleton<Sync.OutboxSignal>();
        builder.Services.AddSingleton<Sync.CacheInstructionPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Sync.CacheInstructionPoller>());
        builder.Services.AddScoped<ContentStore>();
        builder.Services.AddScoped<Seed.ContentSeedImporter>();
        builder.Services.AddScoped<PublishUnitOfWork>();
        builder.Services.AddPublishHandlers();
        return builder;
    }
}

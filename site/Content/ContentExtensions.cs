using UedaPublicGoals.Content.Markdown;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Publishing.Handlers;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;

namespace UedaPublicGoals.Content;

/// <summary>Content options, bound from the "Content" section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// The content-seed folder; relative paths resolve against the content root. When
    /// unset: content-seed/ in the content root (published output), else ../content-seed
    /// (running from the repository).
    /// </summary>
    public string? SeedPath { get; set; }

    public string ResolveSeedPath(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(SeedPath))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, SeedPath));
        }

        var published = Path.Combine(contentRoot, "content-seed");
        return Directory.Exists(published) ? published : Path.GetFullPath(Path.Combine(contentRoot, "..", "content-seed"));
    }

    /// <summary>Import the seed at start (idempotent). Off for a database that is managed elsewhere.</summary>
    public bool ImportSeedOnStart { get; set; } = true;
}

public static class ContentExtensions
{
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ContentOptions>(builder.Configuration.GetSection(ContentOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<PublishedContentCache>();
        builder.Services.AddSingleton<Sync.NodeIdentity>();
        builder.Services.Configure<Sync.CacheSyncOptions>(builder.Configuration.GetSection("Content:Sync"));
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

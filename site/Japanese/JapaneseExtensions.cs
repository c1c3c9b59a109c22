using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Japanese;
using UedaPublicGoals.Japanese.Furigana;
using UedaPublicGoals.Japanese.Glossary;
using UedaPublicGoals.Japanese.Readings;
using UedaPublicGoals.Japanese.Search;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Search.Querying;

// In the hosting namespace, like the other feature extensions, so Program.cs needs one line each.
namespace Microsoft.Extensions.Hosting;

public static class JapaneseExtensions
{
    /// <summary>MeCab readings, furigana on demand, the glossary and kana/synonym search.</summary>
    public static WebApplicationBuilder AddJapanese(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JapaneseOptions>()
            .BindConfiguration(JapaneseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<JapaneseReader>();
        builder.Services.AddSingleton<FuriganaRenderer>();
        builder.Services.AddSingleton<GlossaryCatalog>();
        builder.Services.AddSingleton<UedaPublicGoals.PlainJapanese.IGlossaryTerms>(sp => sp.GetRequiredService<GlossaryCatalog>());
        builder.Services.AddSingleton<PublicPageRewriter>();
        builder.Services.AddSingleton<JapaneseSearchExpansion>();
        builder.Services.AddSingleton<ISearchQueryExpansion>(sp => sp.GetRequiredService<JapaneseSearchExpansion>());
        builder.Services.AddSingleton<ISearchReadings>(sp => sp.GetRequiredService<JapaneseSearchExpansion>());
        builder.Services.AddSingleton<JapaneseTextState>();
        return builder;
    }

    /// <summary>After UseOutputCache: pages are rewritten before they are cached.</summary>
    public static WebApplication UseJapanese(this WebApplication app)
    {
        app.UseMiddleware<PublicPageRewritingMiddleware>();
        return app;
    }
}

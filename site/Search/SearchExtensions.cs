using UedaPublicGoals.Search.Indexing;

namespace UedaPublicGoals.Search;

public static class SearchExtensions
{
    /// <summary>
    /// Kestrel refuses a request line over 8 KB with a bare 414, and a search for 1,000 Japanese
    /// characters is 9 KB once percent-encoded. 64 KB (about 7,000 such characters) lets an
    /// over-long query reach /search and /api/v1/search, which answer it in Japanese (the page)
    /// or with the JSON 400 query_too_long. Kestrel's 1 MB request buffer bounds memory as before.
    /// </summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    /// <summary>
    /// Japanese full-text search: the external (published) and internal (drafts) Lucene
    /// indexes, their background writer, /search and /api/v1/search. Publishing updates it
    /// through Content/Publishing/Handlers/UpdateSearchIndex.
    /// </summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<SearchOptions>(SearchOptions.Section);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes);
        builder.Services.AddSingleton<ISearchDocumentSource, ContentSearchSource>();
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SearchIndexer>());
        builder.Services.AddSingleton<SiteSearch>();
        builder.Services.AddSingleton<StaffSearch>();
        return builder;
    }
}

using UedaPublicGoals.Search;
using UedaPublicGoals.Search.Indexing;

// In the hosting namespace, as dotnet/eShop does for its service extensions, so Program.cs
// needs only the one builder.AddSearch() line.
namespace Microsoft.Extensions.Hosting;

public static class SearchExtensions
{
    /// <summary>
    /// Japanese full-text search: the external (published) and internal (drafts) Lucene
    /// indexes, their background writer, /search and /api/v1/search. Publishing updates it
    /// through Content/Publishing/Handlers/UpdateSearchIndex.
    /// </summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SearchOptions>(builder.Configuration.GetSection(SearchOptions.Section));
        builder.Services.AddSingleton<ISearchDocumentSource, ContentSearchSource>();
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SearchIndexer>());
        builder.Services.AddSingleton<SiteSearch>();
        builder.Services.AddSingleton<StaffSearch>();
        return builder;
    }
}

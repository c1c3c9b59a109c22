using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Search;

internal static class SearchTestSupport
{
    /// <summary>Only a guard so a broken writer fails the test instead of hanging the run; not a timing assertion.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static SearchIndexer Indexer(this WebApplicationFactory<Program> portal) => portal.Services.GetRequiredService<SearchIndexer>();

    /// <summary>Waits until the start-up build and everything queued so far is committed and searchable.</summary>
    public static Task SearchIndexFlushedAsync(this WebApplicationFactory<Program> portal) => portal.Indexer().FlushAsync().WaitAsync(HangGuard);

    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(HangGuard);

    public static Task Guarded(this Task task) => task.WaitAsync(HangGuard);

    public static string SearchPath(string query, string extra = "") => $"/search?q={Uri.EscapeDataString(query)}{extra}";

    public static string ApiPath(string query, string extra = "") => $"/api/v1/search?q={Uri.EscapeDataString(query)}{extra}";

    public static async Task<(HttpStatusCode Status, JObject Json)> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Result URLs of a successful API search, best first.</summary>
    public static async Task<List<string>> ResultUrlsAsync(HttpClient client, string query, string extra = "")
    {
        var (status, json) = await GetJsonAsync(client, ApiPath(query, extra + "&take=100"));
        Assert.Equal(HttpStatusCode.OK, status);
        return json["results"]!.Select(r => (string)r["url"]!).ToList();
    }

    public static Guid GoalId(this PortalFactory portal, string slug) =>
        portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal(slug)!.DocumentId;
}

/// <summary>One seeded portal with a built index, shared by read-only search tests.</summary>
public sealed class SeededSearchPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Portal.CreatePublicClient();
        await Portal.SearchIndexFlushedAsync();
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }
}

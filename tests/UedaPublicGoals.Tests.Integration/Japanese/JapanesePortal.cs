using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Japanese;

/// <summary>Helpers the furigana, glossary and kana-search tests share.</summary>
internal static class JapanesePortal
{
    public static readonly string[] GoalSlugs = ["sogo-keikaku", "koho", "gakuen-toshi", "smart-city"];

    /// <summary>A client that never keeps the furigana cookie: each request says for itself which variant it wants.</summary>
    public static HttpClient CookielessClient(AdminPortal portal) =>
        portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static string GoalPath(string slug) => $"/seisaku-kikaku/r6/{slug}/";

    /// <summary>Every ruby on the page as "base(reading)".</summary>
    public static IReadOnlyList<string> Rubies(IDocument page) =>
        page.QuerySelectorAll("ruby").Select(r => $"{BaseText(r)}({r.QuerySelector("rt")?.TextContent})").ToList();

    public static string BaseText(IElement ruby) =>
        string.Concat(ruby.ChildNodes.Where(n => n is not IElement { LocalName: "rt" or "rp" }).Select(n => n.TextContent));

    public static async Task<IDocument> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {response.StatusCode}");
        return HtmlText.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Publishes a page straight through the store, as the seed importer does.</summary>
    public static async Task PublishPageAsync(AdminPortal portal, string slug, string title, string body)
    {
        using (var scope = portal.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await store.AddDocumentAsync(DocumentKind.Page, null, slug, 50, new UedaPublicGoals.Content.Model.PageContent { Title = title, Body = body }, "test", publish: true, default);
            await db.SaveChangesAsync();
        }

        await portal.ReadModel.RebuildAsync();
    }
}

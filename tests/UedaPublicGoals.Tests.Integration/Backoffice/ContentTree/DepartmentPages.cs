using AngleSharp.Dom;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.ContentTree;

/// <summary>The tree's 部局のページ (dashboard and structure page), followed by its next links as a person paging through would.</summary>
public static class DepartmentPages
{
    public const string PagerSelector = "nav.pager[aria-label=部局のページ]";

    public static string? Link(IDocument page, string rel) => page.QuerySelector($"{PagerSelector} a[rel={rel}]")?.GetAttribute("href");

    /// <summary>Every page from <paramref name="firstPath"/> to the last, each saying it is page n of <paramref name="pageCount"/>.</summary>
    /// <returns>Each page's HTML, in order.</returns>
    public static async Task<IReadOnlyList<string>> WalkAsync(HttpClient client, string firstPath, int pageCount)
    {
        var pages = new List<string>();
        string? path = firstPath;
        while (path is not null)
        {
            var html = await client.GetStringAsync(path);
            pages.Add(html);
            var page = HtmlText.Parse(html);
            Assert.Contains($"{pages.Count} / {pageCount} ページ", HtmlText.Collapse(page.QuerySelector(PagerSelector)!.TextContent));
            path = Link(page, "next");
        }

        Assert.Equal(pageCount, pages.Count);
        return pages;
    }
}

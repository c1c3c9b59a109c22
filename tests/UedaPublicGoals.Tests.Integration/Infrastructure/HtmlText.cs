using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace UedaPublicGoals.Tests.Integration.Infrastructure;

/// <summary>Reads a page as a person does: parsed HTML, visible text with whitespace collapsed.</summary>
public static partial class HtmlText
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static string MainText(string html) => Collapse(Parse(html).QuerySelector("main")?.TextContent ?? "");

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    public static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

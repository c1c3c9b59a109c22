using AngleSharp.Html.Parser;
using UedaPublicGoals.Kernel.Markdown;

namespace UedaPublicGoals.Tests.Unit;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    public void Dangerous_link_schemes_do_not_survive(string markdown)
    {
        var urls = ElementsOf(renderer.RenderToString(markdown))
            .SelectMany(e => e.Attributes.Where(a => a.Name is "href" or "src").Select(a => a.Value.Trim()))
            .ToList();
        Assert.DoesNotContain(urls, u => u.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(urls, u => u.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(urls, u => u.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    [InlineData("<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<div style=\"position:fixed\">x</div>")]
    public void Raw_html_is_shown_as_text_not_markup(string markdown)
    {
        var html = renderer.RenderToString(markdown);
        var elements = ElementsOf(html);
        Assert.All(elements, e => Assert.DoesNotContain(e.LocalName, new[] { "script", "img", "iframe", "div" }));
        Assert.All(elements, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style"));
        Assert.Contains("&lt;", html); // the markup is still there to read, as text
    }

    private static List<AngleSharp.Dom.IElement> ElementsOf(string html) =>
        new HtmlParser().ParseFragment(html, null!).SelectMany(n => n is AngleSharp.Dom.IElement e ? e.QuerySelectorAll("*").Prepend(e) : []).ToList();

    [Fact]
    public void Ordinary_markdown_renders_with_safe_links()
    {
        var html = renderer.RenderToString("## 見出し\n\n- ① 項目\n- (2) 項目\n\n[上田市](https://www.city.ueda.nagano.jp/) と [このサイト](/pages/about)");
        Assert.Contains("<h2", html);
        Assert.Contains("<li>① 項目</li>", html);
        Assert.Contains("href=\"https://www.city.ueda.nagano.jp/\"", html);
        Assert.Contains("rel=\"noopener noreferrer\"", html);
        Assert.Contains("href=\"/pages/about\"", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_renders_nothing(string? markdown) => Assert.Equal("", renderer.RenderToString(markdown));

    [Fact]
    public void Plain_text_drops_markup_for_descriptions() =>
        Assert.Equal("市民 と 行政", renderer.ToPlainText("- 市民\n- と\n- **行政**"));
}

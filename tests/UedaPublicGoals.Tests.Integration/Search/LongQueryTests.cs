using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Api.ApiResponses;

namespace UedaPublicGoals.Tests.Integration.Search;

/// <summary>The portal on a real Kestrel socket: the in-memory TestServer has no request-line limit to hit.</summary>
public sealed class KestrelSearchPortal : PortalFactory
{
    public KestrelSearchPortal() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public HttpClient CreateSocketClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Port > 0);
        return new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{address.Port}/") };
    }
}

/// <summary>
/// A query too long for Kestrel's default 8 KB request line (1,200 Japanese characters are
/// 10,800 bytes percent-encoded) reaches the search, which answers in Japanese, never with a bare 414.
/// </summary>
public sealed class LongQueryTests(KestrelSearchPortal portal) : IClassFixture<KestrelSearchPortal>
{
    private static readonly string LongQuery = string.Concat(Enumerable.Repeat("学園都市", 300));

    [Fact]
    public async Task The_results_page_explains_in_Japanese_that_the_query_is_too_long_and_keeps_it()
    {
        using var client = portal.CreateSocketClient();
        var path = SearchTestSupport.SearchPath(LongQuery);
        Assert.True(path.Length > 8192, $"the URL must be over Kestrel's default limit, is {path.Length}");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("検索する言葉は200文字以内で入力してください（いまは1,200文字です）。", document.GetElementById("search-q-error")!.TextContent);
        Assert.Equal(LongQuery, document.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_api_answers_a_json_400_with_a_code()
    {
        using var client = portal.CreateSocketClient();

        var response = await client.GetAsync(SearchTestSupport.ApiPath(LongQuery));

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "query_too_long");
        Assert.Contains("1,200文字", (string)error["message"]!);
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using UedaPublicGoals.Tests.Integration.Public;

namespace UedaPublicGoals.Tests.Integration.Api;

/// <summary>A portal that allows one newspaper's origin, as Api__CorsOrigins__0 would.</summary>
public sealed class CorsPortal : PortalFactory
{
    public const string AllowedOrigin = "https://news.example.jp";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Written with a trailing slash and capitals, as people do; it is normalised.
        builder.UseSetting("Api:CorsOrigins:0", "https://News.example.jp/");
    }
}

public sealed class ApiCorsTests(CorsPortal portal) : IClassFixture<CorsPortal>
{
    private const string OtherOrigin = "https://evil.example.com";

    private static HttpRequestMessage Get(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        return request;
    }

    [Theory]
    [InlineData("/api/v1/departments")]
    [InlineData("/api/v1/departments/seisaku-kikaku/years/2024/goals")]
    [InlineData("/api/v1/pages/about")]
    [InlineData("/api/openapi.json")]
    [InlineData("/opendata/goals.json")]
    [InlineData("/opendata/goals.csv")]
    public async Task The_allowed_origin_may_read_and_sees_the_etag(string path)
    {
        var response = await portal.CreatePublicClient().SendAsync(Get(path, CorsPortal.AllowedOrigin));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CorsPortal.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task Another_origin_gets_the_data_without_permission_to_read_it()
    {
        var response = await portal.CreatePublicClient().SendAsync(Get("/api/v1/departments", OtherOrigin));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_preflight_from_the_allowed_origin_is_answered_for_get_with_if_none_match()
    {
        var response = await portal.CreatePublicClient().SendAsync(Preflight("/api/v1/goals/0f8fad5b-d9cb-469f-a165-70867728950e", CorsPortal.AllowedOrigin));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CorsPortal.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("if-none-match", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_is_not_allowed()
    {
        var response = await portal.CreatePublicClient().SendAsync(Preflight("/api/v1/departments", OtherOrigin));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Errors_are_readable_by_the_allowed_origin_too()
    {
        var response = await portal.CreatePublicClient().SendAsync(Get("/api/v1/pages/no-such-page", CorsPortal.AllowedOrigin));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(CorsPortal.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Html_pages_are_not_opened_to_other_origins()
    {
        var response = await portal.CreatePublicClient().SendAsync(Get("/seisaku-kikaku/r6/koho/", CorsPortal.AllowedOrigin));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

/// <summary>With nothing configured, no origin is allowed: the default is closed.</summary>
public sealed class ApiCorsDefaultTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task No_origin_is_allowed_by_default()
    {
        var client = portal.CreatePublicClient();
        var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/departments");
        get.Headers.Add("Origin", CorsPortal.AllowedOrigin);
        var response = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/departments");
        preflight.Headers.Add("Origin", CorsPortal.AllowedOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        Assert.False((await client.SendAsync(preflight)).Headers.Contains("Access-Control-Allow-Origin"));
    }
}

using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Accounts;

/// <summary>Issue 11 part 5: cookies, HSTS, forwarded headers and the public origin.</summary>
public sealed class CookieAndTransportTests
{
    private static AccountSecurityPortal Production(string knownProxy = AccountSecurityPortal.ProxyAddress) => new()
    {
        Environment = "Production",
        Settings = new() { ["Transport:KnownProxies:0"] = knownProxy, ["Transport:Hsts"] = "true" },
    };

    private static HttpClient ViaProxy(AccountSecurityPortal portal, string scheme)
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://goals.example.jp") });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");
        return client;
    }

    [Fact]
    public async Task In_production_every_cookie_is_Secure_and_credential_cookies_are_Host_prefixed_behind_a_TLS_proxy()
    {
        using var portal = Production();
        var client = ViaProxy(portal, "https");
        var loginPage = await client.GetAsync("/backoffice/login");
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
        var antiforgery = Assert.Single(loginPage.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-ueda.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery.ToLowerInvariant());
        Assert.Contains("path=/", antiforgery.ToLowerInvariant());
        Assert.DoesNotContain("domain=", antiforgery.ToLowerInvariant());

        var token = HtmlText.Parse(await loginPage.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/backoffice/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = PortalFactory.AdminEmail, ["Password"] = portal.AdminPassword!, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var login = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c.ToLowerInvariant()));
        Assert.Contains(cookies, c => c.StartsWith("__Host-ueda.backoffice=", StringComparison.Ordinal) || c.StartsWith("__Host-ueda.2fa=", StringComparison.Ordinal));
        Assert.All(cookies.Where(c => c.StartsWith("__Host-", StringComparison.Ordinal)), c => Assert.DoesNotContain("domain=", c.ToLowerInvariant()));
    }

    [Fact]
    public async Task In_production_a_plain_http_request_still_gets_its_forms_with_Secure_cookies_not_an_error()
    {
        // A proxy whose address is not configured (or a health check on the node) arrives as plain http.
        using var portal = Production(knownProxy: "10.0.0.99");
        foreach (var path in new[] { "/backoffice/login", "/iken/dai3ji-sogo-keikaku/" })
        {
            var response = await ViaProxy(portal, "https").GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-ueda.af=", StringComparison.Ordinal));
            Assert.Contains("secure", antiforgery.ToLowerInvariant());
        }
    }

    [Fact]
    public async Task HSTS_of_a_year_with_subdomains_is_sent_for_HTTPS_forwarded_by_a_configured_proxy_only()
    {
        using var trusted = Production();
        var https = await ViaProxy(trusted, "https").GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", https.Headers.GetValues("Strict-Transport-Security").Single());

        // The same headers from an address that is not a configured proxy are not believed: plain http, no HSTS.
        using var untrusted = Production(knownProxy: "10.0.0.99");
        var spoofed = await ViaProxy(untrusted, "https").GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, spoofed.StatusCode);
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task In_production_a_foreign_Host_header_is_refused()
    {
        using var portal = Production();
        var client = ViaProxy(portal, "https");
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/robots.txt", "http://localhost:5080/sitemap.xml")]
    [InlineData("/iken/dai3ji-sogo-keikaku/poster", "http://localhost:5080/iken/dai3ji-sogo-keikaku/")]
    public async Task Without_a_public_base_url_the_configured_listening_address_is_used_not_the_Host_header(string path, string expected)
    {
        using var portal = new AccountSecurityPortal { Settings = new() { ["Site:PublicBaseUrl"] = "", ["Urls"] = "http://+:5080" } };
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";
        var body = await (await portal.CreatePublicClient().SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains(expected, body);
        Assert.DoesNotContain("evil.example", body);
    }
}

/// <summary>
/// Issue 11 part 5: absolute URLs come from the configured origin, whatever Host a request names. The tests only
/// read pages, so they share one portal.
/// </summary>
public sealed class AbsoluteUrlTests(AccountSecurityPortal portal) : IClassFixture<AccountSecurityPortal>
{
    [Theory]
    [InlineData("/seisaku-kikaku/r6/")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/api/v1/departments")]
    [InlineData("/iken/dai3ji-sogo-keikaku/poster")]
    public async Task Absolute_URLs_never_come_from_the_Host_header(string path)
    {
        // Testing allows any host, so the page is served; the URLs in it must still be the configured origin.
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";
        var body = await (await portal.CreatePublicClient().SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("https://goals.example.jp/", body);
        Assert.DoesNotContain("evil.example", body);
    }
}

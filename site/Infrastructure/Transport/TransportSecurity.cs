using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Infrastructure.Transport;

/// <summary>
/// How the site meets its clients: forwarded headers only from configured proxies, Secure
/// cookies (and <c>__Host-</c> names) wherever the site is served over HTTPS, HSTS when
/// configured, and only known host names.
/// </summary>
public static class TransportSecurity
{
    /// <summary>Every environment but the developer's and the tests' is served over HTTPS (directly or behind a TLS proxy).</summary>
    public static bool ServedOverHttps(IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment("Testing");

    /// <summary>
    /// The site's own cookie names: <c>__Host-</c> over HTTPS, so the browser accepts the cookie
    /// only Secure, host-only and for the whole site; plain over http in development and tests.
    /// </summary>
    public static string HostOnlyCookieName(IHostEnvironment environment, string name) =>
        ServedOverHttps(environment) ? "__Host-" + name : name;

    public static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        ServedOverHttps(environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var environment = builder.Environment;
        services.AddOptions<TransportOptions>().BindConfiguration(TransportOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Transport:KnownProxies must be IP addresses, e.g. 10.0.0.5.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Transport:KnownNetworks must be CIDR networks, e.g. 10.0.0.0/24.")
            .ValidateOnStart();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TransportOptions>>((o, transport) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; trust exactly the configured proxies instead.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in transport.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in transport.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Every cookie any part of the site sets (auth, antiforgery, TempData, the feedback module's) is Secure over HTTPS.
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurity(environment));

        // TempData carries the notices staff see after a redirect: host-only as well (ASVS 3.3.3).
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.Name = HostOnlyCookieName(environment, "ueda.tempdata"));

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<TransportOptions>>((o, transport) => o.Preload = transport.Value.HstsPreload);

        // A request naming any other host than the public one (or loopback, for health checks on the node) is refused
        // with 400, so no page can be made to print an attacker's host. AllowedHosts itself is set in appsettings.Production.json.
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            var publicHost = builder.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.PublicBaseUrl)}"];
            if (o.AllowedHosts.Count > 0 && !o.AllowedHosts.Contains("*") && Uri.TryCreate(publicHost, UriKind.Absolute, out var origin) && !o.AllowedHosts.Contains(origin.Host))
            {
                o.AllowedHosts = [.. o.AllowedHosts, origin.Host];
            }
        });

        return builder;
    }

    /// <summary>First in the pipeline: everything after sees the client's address and scheme, not the proxy's.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Services.GetRequiredService<IOptions<TransportOptions>>().Value.Hsts)
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
        return app;
    }
}

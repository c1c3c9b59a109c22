namespace UedaPublicGoals.Infrastructure.Transport;

/// <summary>Bound from "Transport": the TLS-terminating proxy in front of the site, and HSTS.</summary>
public sealed class TransportOptions
{
    public const string Section = "Transport";

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed,
    /// e.g. 10.0.0.5. Forwarded headers from anyone else are ignored. None by default.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// Send Strict-Transport-Security (one year, includeSubDomains) on HTTPS answers. Turn it on
    /// only once every subdomain of the public host is served over HTTPS.
    /// </summary>
    public bool Hsts { get; set; }

    /// <summary>Also ask browsers to preload the host into their HSTS lists.</summary>
    public bool HstsPreload { get; set; }
}

using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Api;

public static class DeliveryApiExtensions
{
    /// <summary>CORS policy for everything a browser script may read cross-origin: the API and the open-data files.</summary>
    public const string CorsPolicy = "DeliveryApi";

    public static WebApplicationBuilder AddDeliveryApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<ApiOptions>(ApiOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();

        // The policy is built from options (not read once here) so configuration given to the
        // host later, e.g. by tests or environment variables, is honoured. With no origins
        // configured, no Access-Control-Allow-Origin header is ever sent.
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<ApiOptions>>((cors, api) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(api.Value.CorsOrigins.Select(ApiOptions.NormalizeOrigin).OfType<string>().ToArray())
                .WithMethods(HttpMethods.Get, HttpMethods.Head)
                .WithHeaders("If-None-Match")
                .WithExposedHeaders("ETag")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        builder.Services.Configure<MvcOptions>(o => o.Conventions.Add(new ApiEndpointConvention()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ApiPathsBelongToApi>());
        builder.Services.AddSingleton<OpenApiDocument>();
        return builder;
    }
}

/// <summary>Stops start-up with a message that names the bad setting, rather than failing later in a request.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        var invalid = options.InvalidCorsOrigins();
        if (invalid.Count > 0)
        {
            failures.Add($"Api:CorsOrigins must hold origins such as https://news.example.jp (scheme and host only, no path, no wildcard); not: {string.Join(", ", invalid)}");
        }

        if (options.CacheMaxAgeSeconds < 0)
        {
            failures.Add($"Api:CacheMaxAgeSeconds must be 0 or more, not {options.CacheMaxAgeSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

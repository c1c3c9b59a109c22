using System.Net;
using UedaPublicGoals.Infrastructure.Resilience;

namespace UedaPublicGoals.Infrastructure.Startup;

/// <summary>The error pipeline: Japanese pages for everyone, developer details only for the developer's own machine.</summary>
public static class ErrorHandling
{
    public static WebApplicationBuilder AddErrorHandling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResilienceOptions>()
            .BindConfiguration(ResilienceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    /// <summary>Outermost: the Japanese 500 page, or in Development the exception page for loopback clients only.</summary>
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        if (app.Environment.IsDevelopment())
        {
            // A Development node reachable from the network must not hand stack traces, paths and cookies to it.
            app.UseWhen(context => IsLoopback(context.Connection.RemoteIpAddress), branch => branch.UseDeveloperExceptionPage());
        }

        return app;
    }

    /// <summary>Inside the status-code pages: database outages and races become 503 and 409, not 500.</summary>
    public static WebApplication UseDatabaseFailurePages(this WebApplication app)
    {
        app.UseMiddleware<DatabaseFailureMiddleware>();
        return app;
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}

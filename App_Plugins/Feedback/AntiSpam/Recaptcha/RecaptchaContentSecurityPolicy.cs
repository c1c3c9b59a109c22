using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// reCAPTCHA loads Google's script and frame, which the host's Content-Security-Policy
/// (script-src 'self') blocks. Only while reCAPTCHA is switched on, and only on the /iken pages,
/// the policy gets Google's reCAPTCHA sources added. Registered as a startup filter so its
/// OnStarting callback is the first registered and therefore runs last, after the host set the header.
/// </summary>
public sealed class RecaptchaContentSecurityPolicy(IOptions<AntiSpamOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var recaptcha = options.Value.Recaptcha;
            if (recaptcha.Enabled && context.Request.Path.StartsWithSegments("/iken"))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    if (headers.ContentSecurityPolicy.ToString() is { Length: > 0 } policy)
                    {
                        headers.ContentSecurityPolicy = Extend(policy, recaptcha.ScriptUrl);
                    }

                    return Task.CompletedTask;
                });
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>Adds the reCAPTCHA script and frame sources (Google's documented CSP) to a policy.</summary>
    public static string Extend(string policy, string scriptUrl)
    {
        var origin = Uri.TryCreate(scriptUrl, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}" : "https://www.google.com";
        policy = AddSources(policy, "script-src", $"{origin}/recaptcha/ https://www.gstatic.com/recaptcha/");
        return AddSources(policy, "frame-src", $"{origin}/recaptcha/ https://recaptcha.google.com/recaptcha/");
    }

    private static string AddSources(string policy, string directive, string sources)
    {
        var parts = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = parts.FindIndex(p => p == directive || p.StartsWith(directive + " ", StringComparison.Ordinal));
        if (index >= 0)
        {
            parts[index] = $"{parts[index]} {sources}";
        }
        else
        {
            parts.Add($"{directive} 'self' {sources}");
        }

        return string.Join("; ", parts);
    }
}

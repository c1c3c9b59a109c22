using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Kernel;

/// <summary>The one way the host and the module register a settings class.</summary>
public static class SettingsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> (e.g. "Mail",
    /// environment Mail__Host) and checks its data annotations when the host starts,
    /// so a bad value stops start-up with a message naming the setting instead of failing in a request.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>An absolute http(s) origin such as https://goals.example.jp (a trailing slash is fine); empty passes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpOriginAttribute : ValidationAttribute
{
    public HttpOriginAttribute()
        : base("{0} must be an http or https origin such as https://goals.example.jp.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text
        || string.IsNullOrWhiteSpace(text)
        || (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0);
}

namespace UedaPublicGoals.Infrastructure.Startup;

/// <summary>
/// The environment a start asks for is the one it gets. <c>dotnet run</c>'s launch profile only
/// offers a default (<c>PORTAL_DEFAULT_ENVIRONMENT=Development</c>) that applies when neither
/// <c>ASPNETCORE_ENVIRONMENT</c> nor <c>DOTNET_ENVIRONMENT</c> is set; a launch profile that set
/// ASPNETCORE_ENVIRONMENT itself would silently replace an operator's Production with Development.
/// </summary>
public static class LocalEnvironmentDefault
{
    public const string Variable = "PORTAL_DEFAULT_ENVIRONMENT";

    /// <summary>The environment name to impose, or null to let the host read its usual variables.</summary>
    public static string? Resolve(Func<string, string?> environmentVariable)
    {
        if (!string.IsNullOrWhiteSpace(environmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrWhiteSpace(environmentVariable("DOTNET_ENVIRONMENT")))
        {
            return null;
        }

        var fallback = environmentVariable(Variable);
        return string.IsNullOrWhiteSpace(fallback) ? null : fallback.Trim();
    }

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        EnvironmentName = Resolve(Environment.GetEnvironmentVariable),
    };
}

using System.Text.Json;
using UedaPublicGoals.Infrastructure.Startup;

namespace UedaPublicGoals.Tests.Unit.Infrastructure;

public sealed class LocalEnvironmentDefaultTests
{
    [Theory]
    [InlineData("Production", null, "Development", null)]
    [InlineData(null, "Staging", "Development", null)]
    [InlineData(null, null, "Development", "Development")]
    [InlineData(null, null, null, null)]
    [InlineData("", " ", "Development", "Development")]
    public void The_launch_profile_default_applies_only_when_no_environment_was_asked_for(
        string? aspnetcore, string? dotnet, string? launchDefault, string? expected)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = aspnetcore,
            ["DOTNET_ENVIRONMENT"] = dotnet,
            [LocalEnvironmentDefault.Variable] = launchDefault,
        };

        Assert.Equal(expected, LocalEnvironmentDefault.Resolve(name => variables.GetValueOrDefault(name)));
    }

    [Fact]
    public void No_launch_profile_overrides_the_environment_variables_an_operator_sets()
    {
        var launchSettings = Path.Combine(FindRepositoryRoot(), "site", "Properties", "launchSettings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(launchSettings));
        foreach (var profile in json.RootElement.GetProperty("profiles").EnumerateObject())
        {
            if (profile.Value.TryGetProperty("environmentVariables", out var variables))
            {
                var names = variables.EnumerateObject().Select(v => v.Name).ToList();
                Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", names);
                Assert.DoesNotContain("DOTNET_ENVIRONMENT", names);
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UedaPublicGoals.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("UedaPublicGoals.sln not found");
    }
}

using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Api.ApiResponses;

namespace UedaPublicGoals.Tests.Integration.Api;

/// <summary>/api/openapi.json documents every endpoint, and what the API sends matches it.</summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private static readonly string[] DocumentedPaths =
    [
        "/api/v1/departments",
        "/api/v1/departments/{department}/years/{year}/goals",
        "/api/v1/goals/{id}",
        "/api/v1/pages/{slug}",
        "/api/v1/search",
        "/api/openapi.json",
    ];

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<JObject> DocumentAsync()
    {
        var response = await portal.CreatePublicClient().GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
        return (JObject)Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_document_is_openapi_3_and_lists_every_path()
    {
        var document = await DocumentAsync();
        Assert.StartsWith("3.0.", (string?)document["openapi"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)document["info"]!["title"]));
        Assert.Contains("CC BY 4.0", (string?)document["info"]!["license"]!["name"]);
        Assert.Equal(DocumentedPaths.Order(), ((JObject)document["paths"]!).Properties().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Every_api_route_the_site_serves_is_documented()
    {
        var document = await DocumentAsync();
        var documented = ((JObject)document["paths"]!).Properties().Select(p => p.Name).ToHashSet();
        var served = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/api/", StringComparison.Ordinal) && !route.Contains("{**", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains("/api/v1/goals/{id}", served);
        Assert.All(served, route => Assert.Contains(route, documented));
    }

    [Fact]
    public async Task Every_operation_declares_its_path_parameters_responses_and_errors()
    {
        var document = await DocumentAsync();
        var validator = new OpenApiSchemaValidator(document);
        foreach (var path in ((JObject)document["paths"]!).Properties())
        {
            var operation = (JObject)path.Value["get"]!;
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), path.Name);
            var parameters = ((JArray?)operation["parameters"] ?? []).Cast<JObject>().Select(validator.Resolve).ToList();
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(path.Name, @"\{(\w+)\}").Select(m => m.Groups[1].Value))
            {
                Assert.Contains(parameters, p => (string?)p["name"] == name && (string?)p["in"] == "path" && (bool?)p["required"] == true);
            }

            var responses = (JObject)operation["responses"]!;
            Assert.NotNull(responses["200"]);
            if (path.Name.Contains('{'))
            {
                Assert.NotNull(responses["404"]);
            }
        }

        Assert.NotNull(document["paths"]!["/api/v1/goals/{id}"]!["get"]!["responses"]!["400"]);
    }

    [Fact]
    public async Task Every_reference_in_the_document_resolves()
    {
        var document = await DocumentAsync();
        var validator = new OpenApiSchemaValidator(document);
        var references = document.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref").ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            validator.Resolve(new JObject { ["$ref"] = reference.Value.DeepClone() });
        }
    }

    [Fact]
    public async Task Real_answers_match_their_documented_schemas()
    {
        // Publish a report and a measurement first, so the report and measurement schemas are exercised too.
        var id = GoalId(portal, "koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Initiatives[0].MidtermReport = new ProgressReport { Text = "順調です。", Status = ProgressStatus.SlightlyBehind, ReportedOn = new DateOnly(2024, 10, 1) };
            draft.Initiatives[1].FinalReport = new ProgressReport { Text = "2回実施しました。", Status = ProgressStatus.Achieved, ReportedOn = null };
            draft.Initiatives[0].Measures[2].Kpis[0].Measurements.Add(new KpiMeasurement { Date = new DateOnly(2024, 9, 30), Value = 15200.5m, Note = "9月末" });
            draft.SdgGoals = [16, 17];
            await store.SaveDraftAsync(id, draft, "test");
            await store.PublishAsync(id, "test");
        });

        var validator = new OpenApiSchemaValidator(await DocumentAsync());
        var client = portal.CreatePublicClient();
        var checks = new (string Path, string Schema)[]
        {
            ("/api/v1/departments", "DepartmentList"),
            ("/api/v1/departments/seisaku-kikaku/years/2024/goals", "YearGoals"),
            ($"/api/v1/goals/{id}", "Goal"),
            ("/api/v1/pages/about", "Page"),
            ("/api/v1/pages/privacy", "Page"),
        };
        foreach (var (path, schema) in checks)
        {
            Assert.Empty(validator.Validate(await GetOkJsonAsync(client, path), schema).Select(e => $"{path}: {e}"));
        }

        foreach (var path in new[] { "/api/v1/goals/nope", $"/api/v1/goals/{Guid.NewGuid()}", "/api/v1/nothing" })
        {
            var (_, error) = await GetJsonAsync(client, path);
            Assert.Empty(validator.Validate(error, "Error").Select(e => $"{path}: {e}"));
        }

        // The validator itself notices a mismatch, so the checks above can fail.
        var broken = (JObject)(await GetOkJsonAsync(client, $"/api/v1/goals/{id}")).DeepClone();
        broken["initiatives"]![0]!["midtermReport"]!["status"] = "somewhatOk";
        broken["undocumented"] = 1;
        broken.Remove("title");
        Assert.Equal(3, validator.Validate(broken, "Goal").Count);
    }
}

using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Kernel;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>A department slug can never take a first path segment the site answers itself.</summary>
public sealed class ReservedDepartmentSlugTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Every_literal_first_segment_of_a_mapped_route_is_reserved_including_the_feedback_module_and_open_data()
    {
        // Start the host so every endpoint (host, module, static assets) is mapped.
        using var client = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var firstSegments = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault()?.Parts)
            .Where(parts => parts is [RoutePatternLiteralPart])
            .Select(parts => ((RoutePatternLiteralPart)parts![0]).Content.ToLowerInvariant())
            .Where(SlugRule.IsValid)
            .ToHashSet();
        var reserved = portal.Services.GetRequiredService<ReservedPathSegments>();

        Assert.Superset(new HashSet<string> { "api", "backoffice", "iken", "opendata", "search", "pages", "media", "css" }, firstSegments);
        Assert.All(firstSegments, segment => Assert.True(reserved.Contains(segment), $"{segment} is routed but not reserved"));
        Assert.False(reserved.Contains("seisaku-kikaku"));
    }

    [Theory]
    [InlineData("iken")]
    [InlineData("opendata")]
    [InlineData("api")]
    [InlineData("css")]
    public async Task A_department_cannot_take_a_routed_first_segment(string slug)
    {
        var session = await portal.AdminAsync();

        var response = await session.PostFormAsync("/backoffice/structure/departments/new", "/backoffice/structure/departments/new",
            new() { ["Name"] = "新しい部", ["Slug"] = slug });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains($"「{slug}」はサイトが使っているため、部局のスラッグにはできません。", document.QuerySelector("#Slug-error")!.TextContent);
        Assert.Equal(1, await portal.QueryAsync(db => db.Departments.CountAsync()));
    }
}

using Microsoft.Net.Http.Headers;

namespace UedaPublicGoals.Api;

/// <summary>
/// The hand-written OpenAPI 3.0 description of the API (openapi.json beside this file,
/// embedded in the assembly). Its server URL is relative ("/"), so the same bytes are right
/// on every host and are read once.
/// </summary>
public sealed class OpenApiDocument
{
    private const string ResourceName = "UedaPublicGoals.Api.openapi.json";

    public OpenApiDocument()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Content = copy.ToArray();
        ETag = CacheableContentResult.ETagFor(Content);
    }

    public byte[] Content { get; }

    public EntityTagHeaderValue ETag { get; }
}

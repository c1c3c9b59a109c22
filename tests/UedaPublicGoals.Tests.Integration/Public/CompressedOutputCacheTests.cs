using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Public;

/// <summary>Compression runs inside the output cache: each Accept-Encoding gets its own cached variant.</summary>
public sealed class CompressedOutputCacheTests : IClassFixture<PortalFactory>
{
    private const string Path = "/seisaku-kikaku/r6/koho/";
    private readonly PortalFactory portal;

    public CompressedOutputCacheTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Brotli_gzip_and_plain_clients_each_get_their_own_cached_variant()
    {
        var client = portal.CreatePublicClient();
        var brotli = await GetAsync(client, "br");
        var brotliAgain = await GetAsync(client, "br");
        var gzip = await GetAsync(client, "gzip");
        var plain = await GetAsync(client, null);
        var plainAgain = await GetAsync(client, null);

        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.Equal("br", Assert.Single(brotliAgain.Content.Headers.ContentEncoding));
        Assert.True(brotliAgain.Headers.Age.HasValue, "the second Brotli request is served from the output cache");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True(plainAgain.Headers.Age.HasValue, "the plain variant is cached too");

        var text = Encoding.UTF8.GetString(await plain.Content.ReadAsByteArrayAsync());
        Assert.Contains("<html", text);
        Assert.Equal(text, Decode(await brotliAgain.Content.ReadAsByteArrayAsync(), b => new BrotliStream(b, CompressionMode.Decompress)));
        Assert.Equal(text, Decode(await gzip.Content.ReadAsByteArrayAsync(), b => new GZipStream(b, CompressionMode.Decompress)));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static string Decode(byte[] bytes, Func<Stream, Stream> decompress)
    {
        using var stream = decompress(new MemoryStream(bytes));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

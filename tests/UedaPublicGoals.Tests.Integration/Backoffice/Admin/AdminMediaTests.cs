using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Backoffice.Admin.AdminMediaSteps;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>
/// Image upload refused: content-checked formats, size and pixel limits, alt text, unknown names. Nothing is
/// stored by these tests, so they share one portal (<see cref="AdminMediaFreshPortalTests"/> stores images).
/// </summary>
public sealed class AdminMediaTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    // The bytes are made when a case runs (RefusedBytes), not carried in the theory data: xunit serialises theory data
    // at discovery element by element, and the 5 MB file alone cost about 20 s of CPU there, twice a run.
    public static TheoryData<string, string, string, string> Refused() => new()
    {
        { "a text file named .png", "image.png", "image/png", "PNG・JPEG・WebP 形式の画像だけをアップロードできます（SVG などは使えません）" },
        { "an SVG", "logo.svg", "image/svg+xml", "PNG・JPEG・WebP 形式の画像だけをアップロードできます（SVG などは使えません）" },
        { "an SVG named .png", "logo.png", "image/png", "PNG・JPEG・WebP 形式の画像だけをアップロードできます（SVG などは使えません）" },
        { "a valid PNG over 5 MB", "big.png", "image/png", "画像は5MBまでです。選んだファイルは5.0MBあります。" },
        { "an empty file", "empty.png", "image/png", "選んだファイルは空です。" },
    };

    private static byte[] RefusedBytes(string what) => what switch
    {
        "a text file named .png" => TestImages.Text,
        "an SVG" or "an SVG named .png" => TestImages.Svg,
        "a valid PNG over 5 MB" => TestImages.Png(8, 8, extraBytes: (int)MediaLimits.MaxImageBytes),
        "an empty file" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(what), what, "no bytes for this case"),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Anything_but_a_small_png_jpeg_or_webp_is_refused_with_a_clear_message(string what, string fileName, string declaredType, string message)
    {
        var session = await portal.AdminAsync();

        var response = await UploadAsync(session, RefusedBytes(what), fileName, declaredType);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {response.StatusCode}");
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, document.QuerySelector("#File-error")!.TextContent);
        Assert.Equal("true", document.QuerySelector("#File")!.GetAttribute("aria-invalid"));
        Assert.Equal("上田城跡公園の桜", document.QuerySelector("#AltText")!.GetAttribute("value"));
        Assert.Empty(await MediaAsync(portal));
        Assert.Equal(0, StoredFiles(portal));
    }

    [Fact]
    public async Task Alt_text_is_required()
    {
        var session = await portal.AdminAsync();

        var response = await UploadAsync(session, TestImages.Png(4, 4), "a.png", "image/png", altText: " ");

        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("代替テキスト（画像に何が写っているか）を入力してください。", document.QuerySelector("#AltText-error")!.TextContent);
        Assert.Empty(await MediaAsync(portal));
        Assert.Equal(0, StoredFiles(portal));
    }

    [Theory]
    [InlineData("/media/0123456789abcdef0123456789abcdef.png")]
    [InlineData("/media/..%2Fportal.db")]
    [InlineData("/media/upload.svg")]
    public async Task Unknown_media_names_are_404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreatePublicClient().GetAsync(path)).StatusCode);

    [Fact]
    public async Task An_image_over_40_megapixels_is_refused_from_its_header_before_decoding()
    {
        // 9000×5000 = 45 MP declared in the header; the pixel data is a single row, so decoding was never needed to refuse it.
        var header = TestImages.Png(9000, 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), 5000);
        var crc = TestImages.Crc32(header[12..29]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(29), crc);

        var response = await UploadAsync(await portal.AdminAsync(), header, "huge.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("画素数が多すぎます", document.QuerySelector("#File-error")!.TextContent);
        Assert.Empty(await MediaAsync(portal));
        Assert.Equal(0, StoredFiles(portal));
    }
}

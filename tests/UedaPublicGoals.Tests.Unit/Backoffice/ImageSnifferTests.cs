using System.Text;
using UedaPublicGoals.Content.Media;

namespace UedaPublicGoals.Tests.Unit.Backoffice;

public sealed class ImageSnifferTests
{
    [Fact]
    public void A_png_is_recognised_with_its_size()
    {
        var image = ImageSniffer.Sniff(TestImages.Png(37, 21));
        Assert.Equal(new SniffedImage("image/png", "png", 37, 21), image);
    }

    [Fact]
    public void A_jpeg_is_recognised_with_its_size_even_after_other_segments()
    {
        Assert.Equal(new SniffedImage("image/jpeg", "jpg", 40, 24), ImageSniffer.Sniff(TestImages.Jpeg(40, 24)));

        // An APP1 (Exif) segment before the frame header, as cameras write it.
        var jpeg = TestImages.Jpeg(16, 8);
        var app1 = new byte[] { 0xFF, 0xE1, 0x00, 0x08 }.Concat("Exif\0\0"u8.ToArray()).ToArray();
        var withExif = jpeg[..2].Concat(app1).Concat(jpeg[2..]).ToArray();
        Assert.Equal(new SniffedImage("image/jpeg", "jpg", 16, 8), ImageSniffer.Sniff(withExif));
    }

    [Fact]
    public void A_lossless_webp_is_recognised_with_its_size()
    {
        Assert.Equal(new SniffedImage("image/webp", "webp", 300, 2), ImageSniffer.Sniff(TestImages.WebP(300, 2)));
    }

    [Fact]
    public void Lossy_and_extended_webp_headers_give_their_sizes()
    {
        // VP8 key frame: frame tag, start code 9D 01 2A, 14-bit width and height (upper bits are scaling).
        byte[] vp8 = [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, 0x40, 0x01, 0xF0, 0x40, 0, 0, 0, 0];
        Assert.Equal(new SniffedImage("image/webp", "webp", 320, 240), ImageSniffer.Sniff(Riff("VP8 ", vp8)));

        // VP8X: flags, reserved, then 24-bit width-1 and height-1.
        byte[] vp8x = [0x10, 0, 0, 0, 0x7F, 0x07, 0x00, 0x37, 0x04, 0x00];
        Assert.Equal(new SniffedImage("image/webp", "webp", 1920, 1080), ImageSniffer.Sniff(Riff("VP8X", vp8x)));

        // An inter frame (bit 0 set) is not a picture.
        Assert.Null(ImageSniffer.Sniff(Riff("VP8 ", [0x11, .. vp8[1..]])));
    }

    public static TheoryData<string, byte[]> NotAcceptedImages() => new()
    {
        { "text with a .png name", TestImages.Text },
        { "SVG", TestImages.Svg },
        { "SVG with an XML declaration", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>") .Concat(TestImages.Svg).ToArray() },
        { "GIF", "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray() },
        { "HTML", "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray() },
        { "PNG signature only", TestImages.Png(4, 4)[..8] },
        { "PNG without its end", TestImages.Png(4, 4)[..^12] },
        { "PNG signature before text", TestImages.Png(4, 4)[..8].Concat(TestImages.Text).ToArray() },
        { "JPEG start before text", new byte[] { 0xFF, 0xD8, 0xFF }.Concat(TestImages.Text).ToArray() },
        { "JPEG cut before its frame header", TestImages.Jpeg(8, 8)[..30] },
        { "RIFF that is a WAV", "RIFF\u0024\0\0\0WAVEfmt "u8.ToArray().Concat(new byte[28]).ToArray() },
        { "WebP with a lying size", TestImages.WebP(4, 4).Select((b, i) => i == 4 ? (byte)0xFF : b).ToArray() },
        { "empty", Array.Empty<byte>() },
    };

    [Theory]
    [MemberData(nameof(NotAcceptedImages))]
    public void Anything_else_is_refused(string what, byte[] bytes) =>
        Assert.True(ImageSniffer.Sniff(bytes) is null, $"{what} was taken for an image");

    [Fact]
    public void Images_wider_than_the_limit_are_refused()
    {
        Assert.NotNull(ImageSniffer.Sniff(TestImages.WebP(ImageSniffer.MaxSide, 1)));
        Assert.Null(ImageSniffer.Sniff(TestImages.WebP(ImageSniffer.MaxSide + 1, 1)));
    }

    [Fact]
    public void Zero_sized_images_are_refused() => Assert.Null(ImageSniffer.Sniff(TestImages.Jpeg(0, 8)));

    private static byte[] Riff(string fourCc, byte[] payload)
    {
        var chunk = Encoding.ASCII.GetBytes(fourCc).Concat(BitConverter.GetBytes(payload.Length)).Concat(payload).ToArray();
        return "RIFF"u8.ToArray().Concat(BitConverter.GetBytes(4 + chunk.Length)).Concat("WEBP"u8.ToArray()).Concat(chunk).ToArray();
    }
}

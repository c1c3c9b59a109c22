using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace UedaPublicGoals.Content.Media;

/// <summary>An accepted image as it is stored: freshly encoded pixels, nothing else from the upload.</summary>
public sealed record ReencodedImage(byte[] Bytes, SniffedImage Image);

/// <summary>
/// Uploads are never stored as sent: the header is read first (no decoding) and images over
/// <see cref="MaxPixels"/> are refused before any pixel memory is taken; accepted images are decoded
/// and encoded again in their own format, which drops whatever else the file carried (EXIF with GPS
/// position, XMP, IPTC, ICC, text chunks, data appended to make a polyglot).
/// </summary>
public static class ImageReencoder
{
    /// <summary>40 megapixels (e.g. 8000×5000): beyond any camera phone, and a bounded decode.</summary>
    public const long MaxPixels = 40_000_000;

    public enum Refusal
    {
        None,
        TooManyPixels,
        Undecodable,
    }

    public static (ReencodedImage? Image, Refusal Refusal) Reencode(byte[] bytes, SniffedImage sniffed)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(bytes);
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return (null, Refusal.Undecodable);
        }

        if (info is null)
        {
            return (null, Refusal.Undecodable);
        }

        if ((long)info.Width * info.Height > MaxPixels)
        {
            return (null, Refusal.TooManyPixels);
        }

        try
        {
            using var image = Image.Load(bytes);
            image.Mutate(x => x.AutoOrient()); // keep the photo upright once the EXIF orientation is gone
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;
            foreach (var frame in image.Frames)
            {
                frame.Metadata.ExifProfile = null;
                frame.Metadata.XmpProfile = null;
                frame.Metadata.IccProfile = null;
                frame.Metadata.IptcProfile = null;
            }

            image.Metadata.GetPngMetadata().TextData.Clear();
            using var output = new MemoryStream();
            image.Save(output, EncoderFor(sniffed.ContentType));
            return (new ReencodedImage(output.ToArray(), sniffed with { Width = image.Width, Height = image.Height }), Refusal.None);
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return (null, Refusal.Undecodable);
        }
    }

    private static IImageEncoder EncoderFor(string contentType) => contentType switch
    {
        "image/png" => new PngEncoder(),
        "image/jpeg" => new JpegEncoder { Quality = 90 },
        "image/webp" => new WebpEncoder(),
        _ => throw new NotSupportedException(contentType),
    };
}

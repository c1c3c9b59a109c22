using QRCoder;

namespace UedaPublicGoals.Feedback.Poster;

/// <summary>The QR code on the poster, as inline SVG (no image request, allowed by the site's CSP).</summary>
public static class PosterQrCode
{
    /// <summary>
    /// SVG of <paramref name="url"/> at error-correction level Q, which survives a scuffed or
    /// partly covered print in a public facility.
    /// </summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

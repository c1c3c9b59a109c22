using System.Buffers.Binary;

namespace UedaPublicGoals.Content.Media;

/// <summary>An image recognised from its bytes.</summary>
public sealed record SniffedImage(string ContentType, string Extension, int Width, int Height);

/// <summary>
/// Recognises PNG, JPEG and WebP from their content (signature and header structure) and
/// reads the pixel size from the header, without decoding. The file name and the browser's
/// Content-Type are never trusted: a text file renamed .png, an SVG (script-capable) or
/// any other format is refused.
/// </summary>
public static class ImageSniffer
{
    /// <summary>Wider or taller images are refused: nobody needs them on a phone page and they cost memory to decode.</summary>
    public const int MaxSide = 10_000;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffedImage? Sniff(ReadOnlySpan<byte> bytes)
    {
        var image = bytes.StartsWith(PngSignature) ? Png(bytes)
            : bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF ? Jpeg(bytes)
            : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? WebP(bytes)
            : null;
        return image is { Width: > 0 and <= MaxSide, Height: > 0 and <= MaxSide } ? image : null;
    }

    /// <summary>Signature, IHDR first (13 bytes), then well-formed chunks up to IEND.</summary>
    private static SniffedImage? Png(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8 + 25 || BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]) != 13 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        var colourType = bytes[25];
        if (colourType is not (0 or 2 or 3 or 4 or 6) || width > int.MaxValue || height > int.MaxValue)
        {
            return null;
        }

        // Walk the chunks: each needs its length, a four-letter type, its data and a CRC, inside the file.
        var offset = 8;
        while (offset + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]);
            var type = bytes.Slice(offset + 4, 4);
            if (length > int.MaxValue || offset + 12L + length > bytes.Length || !IsAsciiLetters(type))
            {
                return null;
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return new SniffedImage("image/png", "png", (int)width, (int)height);
            }

            offset += 12 + (int)length;
        }

        return null; // no IEND: truncated or not a PNG
    }

    /// <summary>SOI, then marker segments until a start-of-frame gives the size (before any scan starts).</summary>
    private static SniffedImage? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var offset = 2;
        while (offset < bytes.Length)
        {
            if (bytes[offset] != 0xFF)
            {
                return null;
            }

            while (offset < bytes.Length && bytes[offset] == 0xFF)
            {
                offset++; // fill bytes
            }

            if (offset >= bytes.Length)
            {
                return null;
            }

            var marker = bytes[offset++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // standalone markers have no length
            }

            if (marker is 0x00 or 0xD8 or 0xD9 or 0xDA || offset + 2 > bytes.Length)
            {
                return null; // not a marker, a second SOI, EOI or a scan before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
            if (length < 2 || offset + length > bytes.Length)
            {
                return null;
            }

            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                if (length < 8)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 5)..]);
                var components = bytes[offset + 7];
                return components is 1 or 3 or 4 ? new SniffedImage("image/jpeg", "jpg", width, height) : null;
            }

            offset += length;
        }

        return null;
    }

    /// <summary>RIFF/WEBP container whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended).</summary>
    private static SniffedImage? WebP(ReadOnlySpan<byte> bytes)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if (riffSize < 4 + 8 + 10 || riffSize + 8L > bytes.Length || bytes.Length < 30)
        {
            return null;
        }

        var chunk = bytes[12..16];
        var chunkSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]);
        if (20L + chunkSize > bytes.Length)
        {
            return null;
        }

        var data = bytes[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Key frame (bit 0 of the frame tag clear), then the start code 9D 01 2A and two 14-bit sizes.
            if ((data[0] & 1) != 0 || data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A)
            {
                return null;
            }

            return new SniffedImage("image/webp", "webp", BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then 14 bits width-1, 14 bits height-1, 1 bit alpha, 3 bits version (must be 0).
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            if (data[0] != 0x2F || bits >> 29 != 0)
            {
                return null;
            }

            return new SniffedImage("image/webp", "webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags, 3 reserved bytes, then 24-bit canvas width-1 and height-1.
            var width = data[4] | data[5] << 8 | data[6] << 16;
            var height = data[7] | data[8] << 8 | data[9] << 16;
            return new SniffedImage("image/webp", "webp", width + 1, height + 1);
        }

        return null;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace UedaPublicGoals.Tests.Common;

/// <summary>
/// Real, decodable images built byte by byte, so the upload tests need no binary fixtures:
/// a PNG (RGB, zlib-compressed rows), a baseline greyscale JPEG (one Huffman code each for
/// DC and AC, every block flat mid-grey) and a lossless WebP (VP8L, one colour, so every
/// prefix code is a one-symbol "simple" code and the pixels take zero bits).
/// Shared by the unit, integration and browser tests.
/// </summary>
public static class TestImages
{
    public static byte[] Png(int width, int height, int extraBytes = 0)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        WritePngChunk(output, "IHDR", header);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + width * 3];
            for (var x = 0; x < width; x++)
            {
                row[1 + x * 3] = 0x19; // #197a4b, the portal's green
                row[2 + x * 3] = 0x7A;
                row[3 + x * 3] = 0x4B;
            }

            for (var y = 0; y < height; y++)
            {
                zlib.Write(row); // filter byte 0, then the row
            }
        }

        WritePngChunk(output, "IDAT", pixels.ToArray());
        if (extraBytes > 0)
        {
            // A private ancillary chunk that decoders skip: makes a valid PNG of any size.
            WritePngChunk(output, "prVt", new byte[extraBytes]);
        }

        WritePngChunk(output, "IEND", []);
        return output.ToArray();
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]); // SOI

        // DQT: table 0, all ones.
        output.Write([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        output.Write(Enumerable.Repeat((byte)1, 64).ToArray());

        // SOF0: 8-bit, height, width, one component (id 1, 1x1 sampling, table 0).
        output.Write([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]);

        // DHT: DC table 0 and AC table 0, each one code "0" of length 1: DC category 0, AC end-of-block.
        byte[] oneCode = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
        output.Write([0xFF, 0xC4, 0x00, 0x14, 0x00]);
        output.Write(oneCode);
        output.Write([0xFF, 0xC4, 0x00, 0x14, 0x10]);
        output.Write(oneCode);

        // SOS: one component, tables 0/0, spectral 0..63.
        output.Write([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);

        // Every 8x8 block is "DC difference 0, end of block": bits 0 0. Pad the last byte with ones.
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2;
        var scan = new byte[(bits + 7) / 8];
        if (bits % 8 != 0)
        {
            scan[^1] = (byte)(0xFF >> (bits % 8));
        }

        output.Write(scan);
        output.Write([0xFF, 0xD9]); // EOI
        return output.ToArray();
    }

    public static byte[] WebP(int width, int height)
    {
        var bits = new BitWriter();
        bits.Write(0x2F, 8); // VP8L signature
        bits.Write(width - 1, 14);
        bits.Write(height - 1, 14);
        bits.Write(0, 1); // alpha not used
        bits.Write(0, 3); // version 0
        bits.Write(0, 1); // no transform
        bits.Write(0, 1); // no colour cache
        bits.Write(0, 1); // no meta prefix codes
        foreach (var symbol in new[] { 0x7A, 0x19, 0x4B, 0xFF, 0 }) // green, red, blue, alpha, distance
        {
            bits.Write(1, 1); // simple code
            bits.Write(0, 1); // one symbol
            bits.Write(1, 1); // 8-bit symbol
            bits.Write(symbol, 8);
        }

        var data = bits.ToArray();
        var padded = data.Length + (data.Length % 2);
        using var output = new MemoryStream();
        output.Write("RIFF"u8);
        output.Write(LittleEndian(4 + 8 + padded));
        output.Write("WEBPVP8L"u8);
        output.Write(LittleEndian(data.Length));
        output.Write(data);
        if (padded != data.Length)
        {
            output.WriteByte(0);
        }

        return output.ToArray();
    }

    public static readonly byte[] Svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>");

    public static readonly byte[] Text = Encoding.UTF8.GetBytes("これは画像ではなく、拡張子だけ .png にしたテキストファイルです。\n");

    private static byte[] LittleEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static void WritePngChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    public static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>VP8L packs values least-significant bit first.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> bytes = [];
        private int used;

        public void Write(int value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (used % 8 == 0)
                {
                    bytes.Add(0);
                }

                if (((value >> i) & 1) != 0)
                {
                    bytes[^1] |= (byte)(1 << (used % 8));
                }

                used++;
            }
        }

        public byte[] ToArray() => [.. bytes];
    }
}

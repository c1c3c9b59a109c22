using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace UedaPublicGoals.Api;

/// <summary>
/// A generated body kept as the pieces it is made of (goals.csv and goals.json: one piece per goal) and
/// written out one after another. At thousands of goals these files are tens of megabytes; joined into one
/// array they cost a new large-object-heap allocation at every publish, which the GC keeps committed long
/// after (issue 12). As pieces, a publish allocates only the changed goals' pieces and a list of references.
/// </summary>
public sealed class ByteSegments
{
    // Pieces are a few kilobytes each: collect them into writes of about this size rather than one flush per piece.
    private const int FlushEvery = 64 * 1024;

    public ByteSegments(IReadOnlyList<ReadOnlyMemory<byte>> pieces)
    {
        Pieces = pieces;
        var length = 0;
        foreach (var piece in pieces)
        {
            length = checked(length + piece.Length);
        }

        Length = length;
    }

    public IReadOnlyList<ReadOnlyMemory<byte>> Pieces { get; }

    public int Length { get; }

    /// <summary>The SHA-256 of the bytes as written, without joining them.</summary>
    public byte[] Hash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var piece in Pieces)
        {
            hash.AppendData(piece.Span);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>One array of all the bytes (tests, small bodies).</summary>
    public byte[] ToArray()
    {
        var joined = new byte[Length];
        var at = 0;
        foreach (var piece in Pieces)
        {
            piece.Span.CopyTo(joined.AsSpan(at));
            at += piece.Length;
        }

        return joined;
    }

    public async Task WriteToAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var writer = response.BodyWriter;
        var unflushed = 0;
        foreach (var piece in Pieces)
        {
            writer.Write(piece.Span);
            unflushed += piece.Length;
            if (unflushed >= FlushEvery)
            {
                await writer.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }

        await writer.FlushAsync(cancellationToken);
    }
}

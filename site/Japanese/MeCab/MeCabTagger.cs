using System.Runtime.InteropServices;
using System.Text;

namespace UedaPublicGoals.Japanese.MeCab;

/// <summary>MeCab could not be loaded: the library or the dictionary is missing.</summary>
public sealed class MeCabUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A small wrapper over one native MeCab tagger. A tagger is not thread-safe and
/// <c>mecab_sparse_tostr</c> returns its own buffer, so every call holds the lock; the
/// portal analyses once per publish, not per request, so one tagger is enough.
/// </summary>
public sealed class MeCabTagger : IDisposable
{
    /// <summary>Default output: "surface\tPOS,POS1,POS2,POS3,conjugation type,form,base,reading,pronunciation".</summary>
    private const int ReadingField = 7;

    private readonly Lock gate = new();
    private IntPtr handle;

    private MeCabTagger(IntPtr handle)
    {
        this.handle = handle;
    }

    /// <summary>Opens a tagger with the system dictionary (/etc/mecabrc), or <paramref name="dictionaryPath"/> when given.</summary>
    /// <exception cref="MeCabUnavailableException">libmecab.so.2 or the dictionary is missing.</exception>
    public static MeCabTagger Open(string? dictionaryPath = null)
    {
        // Quote the path: mecab_new2 splits its argument string on spaces.
        var arguments = string.IsNullOrWhiteSpace(dictionaryPath) ? "" : $"-d \"{dictionaryPath}\"";
        IntPtr handle;
        try
        {
            handle = MeCabNative.New(arguments);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new MeCabUnavailableException($"{MeCabNative.Library} could not be loaded (Debian: apt-get install libmecab2 mecab-ipadic-utf8): {ex.Message}", ex);
        }

        if (handle == IntPtr.Zero)
        {
            var reason = Marshal.PtrToStringUTF8(MeCabNative.StrError(IntPtr.Zero)) ?? "unknown error";
            throw new MeCabUnavailableException($"MeCab could not open its dictionary (Debian: apt-get install mecab-ipadic-utf8): {reason.Trim()}");
        }

        return new MeCabTagger(handle);
    }

    /// <summary>Splits <paramref name="text"/> into morphemes. Whitespace is not returned (MeCab skips it).</summary>
    /// <exception cref="ArgumentException">The text holds a NUL character, which MeCab would read as the end.</exception>
    public IReadOnlyList<MeCabToken> Parse(string text)
    {
        if (text.Contains('\0'))
        {
            throw new ArgumentException("MeCab cannot analyse text containing NUL.", nameof(text));
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        string output;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(handle == IntPtr.Zero, this);
            var result = MeCabNative.SparseToStr(handle, bytes, (UIntPtr)bytes.Length);
            if (result == IntPtr.Zero)
            {
                var reason = Marshal.PtrToStringUTF8(MeCabNative.StrError(handle)) ?? "unknown error";
                throw new InvalidOperationException($"MeCab failed: {reason.Trim()}");
            }

            output = Marshal.PtrToStringUTF8(result) ?? "";
        }

        return ReadOutput(output);
    }

    /// <summary>Reads MeCab's default output format, one morpheme per line, up to EOS.</summary>
    internal static IReadOnlyList<MeCabToken> ReadOutput(string output)
    {
        var tokens = new List<MeCabToken>();
        foreach (var line in output.Split('\n'))
        {
            if (line.Length == 0 || line == "EOS")
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            var features = line[(tab + 1)..].Split(',');
            // Unknown words have no reading field (or "*"); anything but katakana is not a reading.
            var reading = features.Length > ReadingField && IsKatakana(features[ReadingField]) ? features[ReadingField] : null;
            tokens.Add(new MeCabToken(line[..tab], reading));
        }

        return tokens;
    }

    private static bool IsKatakana(string text) => text.Length > 0 && text.All(c => c is >= '\u30A1' and <= '\u30FA' or 'ー');

    public void Dispose()
    {
        lock (gate)
        {
            if (handle != IntPtr.Zero)
            {
                MeCabNative.Destroy(handle);
                handle = IntPtr.Zero;
            }
        }
    }
}

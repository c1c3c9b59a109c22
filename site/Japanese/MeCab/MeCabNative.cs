using System.Runtime.InteropServices;

namespace UedaPublicGoals.Japanese.MeCab;

/// <summary>
/// The few entry points of MeCab's C API (libmecab.so.2 from Debian's libmecab2) the portal needs.
/// Strings cross as UTF-8 bytes: the dictionary (mecab-ipadic-utf8) is UTF-8.
/// </summary>
internal static class MeCabNative
{
    public const string Library = "libmecab.so.2";

    [DllImport(Library, EntryPoint = "mecab_new2")]
    public static extern IntPtr New([MarshalAs(UnmanagedType.LPUTF8Str)] string arguments);

    [DllImport(Library, EntryPoint = "mecab_strerror")]
    public static extern IntPtr StrError(IntPtr mecab);

    /// <summary>The result points into the tagger's own buffer: valid until its next call.</summary>
    [DllImport(Library, EntryPoint = "mecab_sparse_tostr2")]
    public static extern IntPtr SparseToStr(IntPtr mecab, byte[] text, UIntPtr length);

    [DllImport(Library, EntryPoint = "mecab_destroy")]
    public static extern void Destroy(IntPtr mecab);
}

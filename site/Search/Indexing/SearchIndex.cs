using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using UedaPublicGoals.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace UedaPublicGoals.Search.Indexing;

/// <summary>Search cannot answer right now: the index is being built for the first time or after corruption.</summary>
public sealed class SearchUnavailableException() : Exception("The search index is not available yet.");

/// <summary>What the last start found on disk, and what it did about it.</summary>
public enum SearchIndexStartup
{
    /// <summary>Not opened yet, or opening failed.</summary>
    None,

    /// <summary>The stored fingerprint matched the content: used as it was.</summary>
    UpToDate,

    /// <summary>Readable but behind the content: only the changed items were replaced.</summary>
    Reconciled,

    /// <summary>Missing, unreadable or of an older schema: built from scratch.</summary>
    Rebuilt,
}

/// <summary>
/// One Lucene index on disk with its single <see cref="IndexWriter"/> and a near-real-time
/// <see cref="SearcherManager"/>. Mutating members are called by <see cref="SearchIndexer"/>'s
/// background loop only; <see cref="Search{T}"/> is safe from any request thread.
/// </summary>
public sealed class SearchIndex(string path, SearchIndexKind kind, ILogger logger, ISearchReadings? readings = null) : IDisposable
{
    private const string FingerprintKey = "fingerprint";
    private const string SchemaKey = "schema";

    private readonly Dictionary<string, string> stamps = new(StringComparer.Ordinal);

    // The fingerprint's running sum over every item (see Fingerprint): kept up to date item by item, so a
    // commit does not hash the whole index's stamps again.
    private readonly byte[] stampSum = new byte[SHA256.HashSizeInBytes];
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private volatile SearcherManager? searcherManager;
    private volatile bool searchable;
    private bool uncommitted;

    public SearchIndexKind Kind { get; } = kind;

    public string Path { get; } = path;

    /// <summary>False while there is no complete index to read (first build, rebuild after corruption).</summary>
    public bool IsSearchable => searchable;

    public bool IsOpen => writer is not null;

    public SearchIndexStartup LastStartup { get; internal set; }

    /// <summary>Item key → stamp of everything in the index.</summary>
    public IReadOnlyDictionary<string, string> Stamps => stamps;

    /// <summary>The fingerprint stored with the last commit; null when the index was created empty.</summary>
    public string? StoredFingerprint { get; private set; }

    /// <summary>Number of searchable documents (item markers excluded); for logs and the benchmark.</summary>
    public int DocumentCount => Search(searcher => searcher.IndexReader.NumDocs) - stamps.Count;

    /// <summary>
    /// Opens the index on disk, or creates an empty one when it is missing, unreadable or of
    /// another schema. Returns true when the existing index was kept (then it is searchable at
    /// once, old as it may be); false when the caller must build it.
    /// </summary>
    public bool Open()
    {
        CloseWriter();
        System.IO.Directory.CreateDirectory(Path);
        directory = FSDirectory.Open(Path);
        var kept = TryReadExisting(directory);
        if (!kept)
        {
            directory.Dispose();
            DeleteIndexFiles();
            directory = FSDirectory.Open(Path);
            ClearStamps();
            StoredFingerprint = null;
        }

        var config = new IndexWriterConfig(JapaneseAnalyzer.Version, JapaneseAnalyzer.Instance)
        {
            OpenMode = kept ? OpenMode.APPEND : OpenMode.CREATE,
        };
        writer = new IndexWriter(directory, config);
        searcherManager = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        searchable = kept;
        uncommitted = !kept;
        return kept;
    }

    /// <summary>Replaces every document of one source item; a null item removes it.</summary>
    public void ReplaceItem(string key, SearchSourceItem? item)
    {
        var current = writer ?? throw new InvalidOperationException("The index is not open.");
        current.DeleteDocuments(new Term(SearchFields.Item, key));
        if (stamps.Remove(key, out var old))
        {
            Toggle(stampSum, key, old);
        }

        if (item is not null)
        {
            current.AddDocuments(item.Documents.Select(d => SearchFields.ToLucene(d, key, readings)).Append(SearchFields.ItemMarkerDocument(key, item.Stamp)));
            stamps[key] = item.Stamp;
            Toggle(stampSum, key, item.Stamp);
        }

        uncommitted = true;
    }

    /// <summary>Replaces the whole content. Readers keep seeing the previous commit until <see cref="CommitAndRefresh"/>.</summary>
    public void ReplaceAll(IEnumerable<SearchSourceItem> items)
    {
        var current = writer ?? throw new InvalidOperationException("The index is not open.");
        current.DeleteAll();
        ClearStamps();
        foreach (var item in items)
        {
            ReplaceItem(item.Key, item);
        }

        uncommitted = true;
    }

    public bool HasUncommittedChanges => uncommitted;

    /// <summary>One commit for a whole batch of changes, with the fingerprint, then new readers see it.</summary>
    public void CommitAndRefresh()
    {
        var current = writer ?? throw new InvalidOperationException("The index is not open.");
        var fingerprint = FingerprintOf(stampSum);
        current.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SearchFields.SchemaVersion,
            [FingerprintKey] = fingerprint,
        });
        current.Commit();
        StoredFingerprint = fingerprint;
        uncommitted = false;
        searcherManager!.MaybeRefreshBlocking();
        searchable = true;
    }

    /// <summary>Runs <paramref name="work"/> on the current near-real-time searcher.</summary>
    /// <exception cref="SearchUnavailableException">No complete index to read yet.</exception>
    public T Search<T>(Func<IndexSearcher, T> work)
    {
        var manager = searcherManager;
        if (!searchable || manager is null)
        {
            throw new SearchUnavailableException();
        }

        IndexSearcher searcher;
        try
        {
            searcher = manager.Acquire();
        }
        catch (ObjectDisposedException)
        {
            // Closed under us by a recovery or shutdown.
            throw new SearchUnavailableException();
        }

        try
        {
            return work(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>
    /// Hash of every item's stamp plus the schema version. Stored in the commit's user data, so
    /// a start compares it with the content's fingerprint instead of reading every document.
    /// Order does not matter: it hashes the XOR of the items' own hashes, which an index keeps up
    /// to date as items are replaced.
    /// </summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> itemStamps)
    {
        var sum = new byte[SHA256.HashSizeInBytes];
        foreach (var (key, stamp) in itemStamps)
        {
            Toggle(sum, key, stamp);
        }

        return FingerprintOf(sum);
    }

    private static string FingerprintOf(byte[] stampSum) =>
        Convert.ToHexString(SHA256.HashData([.. Encoding.UTF8.GetBytes($"schema={SearchFields.SchemaVersion}\n"), .. stampSum]));

    /// <summary>Adds an item to the running sum, or takes it out again (XOR is its own inverse).</summary>
    private static void Toggle(byte[] stampSum, string key, string stamp)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{stamp}"), hash);
        for (var i = 0; i < hash.Length; i++)
        {
            stampSum[i] ^= hash[i];
        }
    }

    private void ClearStamps()
    {
        stamps.Clear();
        Array.Clear(stampSum);
    }

    public void Dispose()
    {
        CloseWriter();
    }

    private bool TryReadExisting(LuceneDirectory existing)
    {
        try
        {
            if (!DirectoryReader.IndexExists(existing))
            {
                logger.LogInformation("Search index {Kind} at {Path} is missing: building it.", Kind, Path);
                return false;
            }

            using var reader = DirectoryReader.Open(existing);
            var userData = reader.IndexCommit.UserData;
            if (!userData.TryGetValue(SchemaKey, out var schema) || schema != SearchFields.SchemaVersion)
            {
                logger.LogInformation("Search index {Kind} at {Path} has schema {Schema}, not {Current}: rebuilding it.", Kind, Path, schema, SearchFields.SchemaVersion);
                return false;
            }

            // Reading every item marker also reads stored fields, which surfaces most corruption now
            // rather than at the first search.
            ClearStamps();
            var searcher = new IndexSearcher(reader);
            var markers = searcher.Search(new TermQuery(new Term(SearchFields.ItemMarker, "1")), Math.Max(1, reader.MaxDoc));
            foreach (var hit in markers.ScoreDocs)
            {
                var marker = searcher.Doc(hit.Doc);
                var (key, stamp) = (marker.Get(SearchFields.Item), marker.Get(SearchFields.Stamp));
                stamps[key] = stamp;
                Toggle(stampSum, key, stamp);
            }

            StoredFingerprint = userData.TryGetValue(FingerprintKey, out var fingerprint) ? fingerprint : null;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Lucene reports damage through many exception types (CorruptIndexException,
            // EndOfStreamException, IndexFormatTooOldException…): any of them means rebuild.
            logger.LogWarning(ex, "Search index {Kind} at {Path} is unreadable: rebuilding it from the content.", Kind, Path);
            ClearStamps();
            return false;
        }
    }

    /// <summary>Removes the files of a damaged index. Only files: an index folder has no sub-folders.</summary>
    private void DeleteIndexFiles()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Path))
        {
            File.Delete(file);
        }
    }

    private void CloseWriter()
    {
        searchable = false;
        var manager = searcherManager;
        searcherManager = null;
        manager?.Dispose();
        try
        {
            // Rollback, not Dispose: Dispose would commit whatever a failed batch left half
            // applied. Every complete batch is already committed.
            writer?.Rollback();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Search index {Kind}: closing the writer failed.", Kind);
        }

        writer = null;
        directory?.Dispose();
        directory = null;
    }
}

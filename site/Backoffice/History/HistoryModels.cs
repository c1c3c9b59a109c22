using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Backoffice.Diff;

namespace UedaPublicGoals.Backoffice.History;

/// <summary>What the history pages say about the document at the top.</summary>
public sealed record HistoryDocument(
    Guid Id,
    DocumentKind Kind,
    string Title,
    string Location,
    string PublicPath,
    int DraftVersion,
    int? PublishedVersion,
    bool InRecycleBin,
    Guid ConcurrencyStamp)
{
    public string KindLabel => Kind == DocumentKind.Goal ? "重点目標" : "ページ";

    public string HistoryUrl => $"/backoffice/documents/{Id}/history";

    /// <summary>The editor screen, where the new draft made by a rollback is reviewed and published.</summary>
    public string EditorUrl => Kind == DocumentKind.Goal ? $"/backoffice/goals/{Id}" : $"/backoffice/pages/{Id}";

    public string VersionUrl(int number) => $"{HistoryUrl}/{number}";

    public string CompareUrl(int from, int to) => $"{HistoryUrl}/compare?from={from}&to={to}";

    /// <summary>「下書き（編集中）」「公開中」 as both apply to a version.</summary>
    public IReadOnlyList<string> States(int number)
    {
        var states = new List<string>();
        if (number == PublishedVersion)
        {
            states.Add("公開中");
        }

        if (number == DraftVersion)
        {
            states.Add("最新の下書き");
        }

        return states;
    }
}

public sealed record HistoryIndexPage(HistoryDocument Document, IReadOnlyList<ContentVersion> Versions);

/// <summary>A diff with the words for each side, e.g. 第3版 and 第5版（最新の下書き）.</summary>
public sealed record DiffView(IReadOnlyList<FieldDifference> Differences, string BeforeLabel, string AfterLabel);

public sealed record VersionPage(
    HistoryDocument Document,
    ContentVersion Version,
    IReadOnlyList<SnapshotField> Fields,
    DiffView? ChangesOnRollback,
    string? RollbackUnavailableReason);

public sealed record ComparePage(HistoryDocument Document, IReadOnlyList<ContentVersion> Versions, ContentVersion From, ContentVersion To, DiffView Diff);

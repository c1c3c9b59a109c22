using Microsoft.AspNetCore.Mvc.ModelBinding;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Backoffice.Diff;

namespace UedaPublicGoals.Backoffice.Editing;

/// <summary>
/// What every editor form carries besides the content: where the editor started from (for
/// conflict detection), the document's placement, the 承認依頼 note and the schedule fields.
/// Everything typed is bound as text, so a wrong value comes back exactly as typed.
/// </summary>
public abstract class EditorForm
{
    /// <summary>The document's stamp when the form was drawn; a different stamp at save time means someone else saved.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The draft version the form was filled from, to list what changed since.</summary>
    public int BaseVersion { get; set; }

    /// <summary>Slug and sort order when the form was drawn (they live on the document, not in versions).</summary>
    public string? OriginalSlug { get; set; }

    public int OriginalSortOrder { get; set; }

    public string? Slug { get; set; }

    public string? SortOrder { get; set; }

    /// <summary>変更メモ: what this save changed, in the author's words; the history's メモ column.</summary>
    public string? ChangeNote { get; set; }

    /// <summary>Message to 広報 sent with 承認依頼.</summary>
    public string? ApprovalNote { get; set; }

    /// <summary>公開予約日時, Japan time as an &lt;input type="datetime-local"&gt; sends it.</summary>
    public string? PublishAt { get; set; }

    /// <summary>公開停止予約日時, Japan time.</summary>
    public string? UnpublishAt { get; set; }

    [BindNever]
    public EditorState State { get; set; } = new();

    [BindNever]
    public EditConflict? Conflict { get; set; }

    /// <summary>What the last add / remove / move button did, said in words.</summary>
    [BindNever]
    public string? CommandMessage { get; set; }

    /// <summary>Fills the document fields of a fresh form.</summary>
    public void StartFrom(ContentDocument document)
    {
        RebaseOnto(document);
        Slug = document.Slug;
        SortOrder = document.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture);
        PublishAt = TokyoTime.ToLocalInput(document.ScheduledPublishUtc);
        UnpublishAt = TokyoTime.ToLocalInput(document.ScheduledUnpublishUtc);
    }

    /// <summary>
    /// After a conflict has been shown: the typed input stays, but the form now starts from the
    /// current draft, so saving again (after reviewing the changes) is a deliberate overwrite.
    /// </summary>
    public void RebaseOnto(ContentDocument document)
    {
        ConcurrencyStamp = document.ConcurrencyStamp;
        BaseVersion = document.DraftVersion;
        OriginalSlug = document.Slug;
        OriginalSortOrder = document.SortOrder;
    }

    /// <summary>Names of the hidden fields, which the view must draw from the model, not from the posted values.</summary>
    public static readonly string[] HiddenFields = [nameof(ConcurrencyStamp), nameof(BaseVersion), nameof(OriginalSlug), nameof(OriginalSortOrder)];

    public DocumentPlacement Placement()
    {
        FormValues.TryWholeNumber(SortOrder, out var sortOrder);
        return new DocumentPlacement(FormValues.Line(Slug) ?? "", sortOrder);
    }
}

/// <summary>What the editor page shows around the form: state, links, rights.</summary>
public sealed class EditorState
{
    /// <summary>Null while creating a new document.</summary>
    public Guid? DocumentId { get; init; }

    /// <summary>/backoffice/goals/{id} or /backoffice/goals/new: where the form posts.</summary>
    public string EditorPath { get; init; } = "";

    /// <summary>The public path up to the slug, e.g. /seisaku-kikaku/r6/ or /pages/.</summary>
    public string PathPrefix { get; init; } = "";

    /// <summary>The page's own path when the slug ends a directory-style URL (goals end in /).</summary>
    public string PathSuffix { get; init; } = "";

    public string? DepartmentName { get; init; }

    public string? YearLabel { get; init; }

    /// <summary>The goal's fiscal year (2024 = 令和6年度), for the date hints.</summary>
    public int? FiscalYear { get; init; }

    public string Title { get; init; } = "";

    public int DraftVersion { get; init; }

    public int? PublishedVersion { get; init; }

    public string? LivePath { get; init; }

    public DateTime? ScheduledPublishUtc { get; init; }

    public DateTime? ScheduledUnpublishUtc { get; init; }

    public string? LastSavedBy { get; init; }

    public DateTime? LastSavedUtc { get; init; }

    public bool CanPublish { get; init; }

    public ApprovalRequest? LatestApproval { get; init; }

    public bool IsNew => DocumentId is null;

    public bool IsPublished => PublishedVersion is not null;

    public DraftState DraftState => DraftStates.Of(PublishedVersion, DraftVersion);
}

/// <summary>Someone else saved since the form was drawn: who, when, and what they changed.</summary>
public sealed record EditConflict(string ChangedBy, DateTime ChangedUtc, int FromVersion, int ToVersion, IReadOnlyList<FieldDifference> Changes);

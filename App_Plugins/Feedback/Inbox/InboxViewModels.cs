using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>Choices the filter and entry forms offer, loaded once per request.</summary>
public sealed record InboxChoices(
    IReadOnlyList<Consultation> Consultations,
    IReadOnlyList<string> Fields,
    IReadOnlyList<FeedbackGoal> Goals)
{
    public string ConsultationTitle(int id) => Consultations.FirstOrDefault(c => c.Id == id)?.Title ?? $"意見募集 {id}";

    /// <summary>Draft plans, for the paragraph filter and the paragraph each comment is about.</summary>
    public IReadOnlyList<DraftPlans.DraftChoice> Drafts { get; init; } = [];

    public string? ParagraphLabel(Comment comment) => DraftPlans.DraftChoice.LabelOf(Drafts, comment);

    /// <summary>The list filtered to the paragraph <paramref name="comment"/> is about.</summary>
    public string ParagraphFilterQuery(Comment comment) =>
        new InboxFilter { Draft = Drafts.FirstOrDefault(d => d.VersionNumbers.ContainsKey(comment.DraftVersionId ?? 0))?.PlanId, Paragraph = comment.ParagraphRef }.ToQueryString();
}

public sealed record InboxListModel(InboxFilter Filter, InboxPage Page, InboxChoices Choices, bool MayExportContacts, BulkForm Bulk, IReadOnlyList<FeedbackStaffMember> Assignees);

public sealed class CommentDetailModel
{
    public required Comment Comment { get; init; }

    public required string ConsultationTitle { get; init; }

    /// <summary>Name of the routing rule that sent it here; null when the default consultation caught it or staff entered it.</summary>
    public string? RoutingRuleName { get; init; }

    /// <summary>The goal page it was sent from, when that goal is still published.</summary>
    public FeedbackGoal? Goal { get; init; }

    /// <summary>The draft plan paragraph it is about (label and public URL), when it was sent from one.</summary>
    public (string Label, string Url)? Paragraph { get; init; }

    /// <summary>Null when the viewer may not see contact details.</summary>
    public ContactDetails? Contact { get; init; }

    public required HandlingForm Handling { get; init; }

    public NoteForm Note { get; init; } = new();

    /// <summary>Set when the officer's save lost to someone else's: what they typed, so it is not lost.</summary>
    public HandlingForm? RejectedInput { get; init; }

    /// <summary>The accounts the comment can be assigned to (総合計画担当 and 管理者).</summary>
    public IReadOnlyList<FeedbackStaffMember> Assignees { get; init; } = [];
}

public sealed record EntryModel(EntryForm Form, InboxChoices Choices);

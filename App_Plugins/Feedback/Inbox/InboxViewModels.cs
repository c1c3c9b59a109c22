using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>Choices the filter and entry forms offer, loaded once per request.</summary>
public sealed record InboxChoices(
    IReadOnlyList<Consultation> Consultations,
    IReadOnlyList<string> Fields,
    IReadOnlyList<FeedbackGoal> Goals)
{
    public string ConsultationTitle(int id) => Consultations.FirstOrDefault(c => c.Id == id)?.Title ?? $"意見募集 {id}";
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

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>Action keys the inbox writes to the host's audit log (target: the 受付番号, or the rule / consultation).</summary>
public static class InboxAuditActions
{
    public const string Status = "feedback.status";
    public const string Assign = "feedback.assign";
    public const string Note = "feedback.note";
    public const string Response = "feedback.response";
    public const string Publish = "feedback.publish";
    public const string Bulk = "feedback.bulk";
    public const string Export = "feedback.export";
    /// <summary>A reply e-mail address shown to an officer on the detail page (the export is audited as one <see cref="Export"/>).</summary>
    public const string ContactView = "feedback.reply-email.view";
    public const string Entry = "feedback.entry";
    public const string Consultation = "feedback.consultation";
    public const string Routing = "feedback.routing";
}

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
    /// <summary>結果公示: an opinion's 分類, 反映状況 or 要旨 set (one or, in bulk, several 受付番号).</summary>
    public const string Classify = "feedback.notice.classify";
    /// <summary>結果公示: categories, the draft's date or 案からの主な変更点 saved (target: the consultation id).</summary>
    public const string NoticeSettings = "feedback.notice.settings";
    /// <summary>結果公示 published as a new version (target: the consultation slug).</summary>
    public const string NoticePublish = "feedback.notice.publish";

    /// <summary>The Japanese word the audit viewer shows for each of these actions; null for an action not the module's.</summary>
    public static string? Label(string action) => action switch
    {
        Status => "意見の状態変更",
        Assign => "意見の担当者変更",
        Note => "意見の内部メモ",
        Response => "市の考え方の保存",
        Publish => "結果ページへの公開",
        Bulk => "意見の一括変更",
        Export => "意見の書き出し",
        ContactView => "返信用メールアドレスの表示",
        Entry => "紙などの意見の登録",
        Consultation => "意見募集の設定",
        Routing => "振り分けルールの変更",
        Classify => "結果公示の分類",
        NoticeSettings => "結果公示の設定",
        NoticePublish => "結果公示の公開",
        _ => null,
    };
}

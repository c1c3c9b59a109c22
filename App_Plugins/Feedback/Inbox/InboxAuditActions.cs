using UedaPublicGoals.Kernel.Audit;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>
/// Action keys the module writes to the host's audit log (target: the 受付番号, or the rule / consultation),
/// each with the Japanese word the host's log viewer shows; registered in the shared <see cref="AuditActionCatalog"/>.
/// </summary>
public static class InboxAuditActions
{
    [AuditLabel("意見の状態変更")]
    public const string Status = "feedback.status";
    [AuditLabel("意見の担当者変更")]
    public const string Assign = "feedback.assign";
    [AuditLabel("意見の内部メモ追加")]
    public const string Note = "feedback.note";
    [AuditLabel("市の考え方の保存")]
    public const string Response = "feedback.response";
    [AuditLabel("意見の結果ページ公開・停止")]
    public const string Publish = "feedback.publish";
    [AuditLabel("意見の一括変更")]
    public const string Bulk = "feedback.bulk";
    [AuditLabel("意見の書き出し")]
    public const string Export = "feedback.export";
    /// <summary>A reply e-mail address shown to an officer on the detail page (the export is audited as one <see cref="Export"/>).</summary>
    [AuditLabel("返信用メールアドレスの表示")]
    public const string ContactView = "feedback.reply-email.view";
    [AuditLabel("紙などで受け付けた意見の登録")]
    public const string Entry = "feedback.entry";
    [AuditLabel("意見募集の追加・変更")]
    public const string Consultation = "feedback.consultation";
    [AuditLabel("意見の振り分けルール変更")]
    public const string Routing = "feedback.routing";
    /// <summary>A reply address decrypted to tell the resident that the city's answer is published.</summary>
    [AuditLabel("返信メール送信のための復号")]
    public const string ResponseMail = "feedback.response-mail";
    /// <summary>結果公示: an opinion's 分類, 反映状況 or 要旨 set (one or, in bulk, several 受付番号).</summary>
    [AuditLabel("結果公示の分類")]
    public const string Classify = "feedback.notice.classify";
    /// <summary>結果公示: categories, the draft's date or 案からの主な変更点 saved (target: the consultation id).</summary>
    [AuditLabel("結果公示の設定")]
    public const string NoticeSettings = "feedback.notice.settings";
    /// <summary>結果公示 published as a new version (target: the consultation slug).</summary>
    [AuditLabel("結果公示の公開")]
    public const string NoticePublish = "feedback.notice.publish";
}

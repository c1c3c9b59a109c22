using UedaPublicGoals.Kernel.Audit;

namespace UedaPublicGoals.Audit;

/// <summary>
/// Action keys of the host's audit rows, each with the Japanese word the log viewer shows. Registered in the
/// <see cref="AuditActionCatalog"/> (the feedback module registers its own keys there too).
/// </summary>
public static class AuditActions
{
    [AuditLabel("下書き保存")]
    public const string ContentSave = "content.save";
    [AuditLabel("公開")]
    public const string ContentPublish = "content.publish";
    [AuditLabel("公開停止")]
    public const string ContentUnpublish = "content.unpublish";
    [AuditLabel("予約")]
    public const string ContentSchedule = "content.schedule";
    [AuditLabel("削除（ごみ箱へ）")]
    public const string ContentDelete = "content.delete";
    [AuditLabel("復元")]
    public const string ContentRestore = "content.restore";
    [AuditLabel("ロールバック")]
    public const string ContentRollback = "content.rollback";
    [AuditLabel("作成")]
    public const string ContentCreate = "content.create";
    [AuditLabel("並べ替え・移動")]
    public const string ContentMove = "content.move";
    [AuditLabel("シート取り込み")]
    public const string ContentImport = "content.import";
    [AuditLabel("部局・年度の変更")]
    public const string StructureChange = "structure.change";
    [AuditLabel("承認依頼")]
    public const string ApprovalRequest = "approval.request";
    [AuditLabel("承認依頼への対応")]
    public const string ApprovalDecide = "approval.decide";
    [AuditLabel("公開セットの変更")]
    public const string PublicationSetChange = "publication-set.change";
    [AuditLabel("公開セットの公開")]
    public const string PublicationSetRelease = "publication-set.release";
    [AuditLabel("公開セットの失敗")]
    public const string PublicationSetFail = "publication-set.fail";
    [AuditLabel("報告の催促メール")]
    public const string ReportReminder = "reporting.reminder";
    [AuditLabel("リダイレクト変更")]
    public const string RedirectChange = "redirect.change";
    [AuditLabel("画像アップロード")]
    public const string MediaUpload = "media.upload";
    [AuditLabel("画像削除")]
    public const string MediaDelete = "media.delete";
    [AuditLabel("ログイン")]
    public const string AccountLogin = "account.login";
    [AuditLabel("ログイン失敗")]
    public const string AccountLoginFailed = "account.login-failed";
    [AuditLabel("アカウントロック")]
    public const string AccountLockedOut = "account.locked-out";
    [AuditLabel("ログイン試行の制限")]
    public const string AccountThrottled = "account.throttled";
    [AuditLabel("ログアウト")]
    public const string AccountLogout = "account.logout";
    [AuditLabel("パスワード変更")]
    public const string AccountPasswordChanged = "account.password-changed";
    [AuditLabel("2段階認証を有効化")]
    public const string AccountTwoFactorEnabled = "account.2fa-enabled";
    [AuditLabel("2段階認証を無効化")]
    public const string AccountTwoFactorDisabled = "account.2fa-disabled";
    [AuditLabel("ユーザー作成")]
    public const string AccountCreated = "account.created";
    [AuditLabel("ユーザー変更")]
    public const string AccountUpdated = "account.updated";
    [AuditLabel("ユーザー無効化")]
    public const string AccountDisabled = "account.disabled";
    [AuditLabel("ユーザー有効化")]
    public const string AccountEnabled = "account.enabled";
    [AuditLabel("パスワードリセット")]
    public const string AccountPasswordReset = "account.password-reset";
    [AuditLabel("セッション終了")]
    public const string AccountSessionsEnded = "account.sessions-ended";
    [AuditLabel("初期管理者作成")]
    public const string AccountBootstrap = "account.bootstrap";
    [AuditLabel("設定変更")]
    public const string SettingsChanged = "settings.changed";
}

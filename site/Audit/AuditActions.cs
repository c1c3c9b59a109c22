namespace UedaPublicGoals.Audit;

/// <summary>Action keys of the audit log, with the Japanese words the log viewer shows.</summary>
public static class AuditActions
{
    public const string ContentSave = "content.save";
    public const string ContentPublish = "content.publish";
    public const string ContentUnpublish = "content.unpublish";
    public const string ContentSchedule = "content.schedule";
    public const string ContentDelete = "content.delete";
    public const string ContentRestore = "content.restore";
    public const string ContentRollback = "content.rollback";
    public const string ContentCreate = "content.create";
    public const string ContentMove = "content.move";
    public const string ContentImport = "content.import";
    public const string StructureChange = "structure.change";
    public const string ApprovalRequest = "approval.request";
    public const string ApprovalDecide = "approval.decide";
    public const string RedirectChange = "redirect.change";
    public const string MediaUpload = "media.upload";
    public const string MediaDelete = "media.delete";
    public const string AccountLogin = "account.login";
    public const string AccountLoginFailed = "account.login-failed";
    public const string AccountLockedOut = "account.locked-out";
    public const string AccountThrottled = "account.throttled";
    public const string AccountLogout = "account.logout";
    public const string AccountPasswordChanged = "account.password-changed";
    public const string AccountTwoFactorEnabled = "account.2fa-enabled";
    public const string AccountTwoFactorDisabled = "account.2fa-disabled";
    public const string AccountCreated = "account.created";
    public const string AccountUpdated = "account.updated";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountPasswordReset = "account.password-reset";
    public const string AccountSessionsEnded = "account.sessions-ended";
    public const string AccountBootstrap = "account.bootstrap";
    public const string SettingsChanged = "settings.changed";

    public static string Label(string action) => action switch
    {
        ContentSave => "下書き保存",
        ContentPublish => "公開",
        ContentUnpublish => "公開停止",
        ContentSchedule => "予約",
        ContentDelete => "削除（ごみ箱へ）",
        ContentRestore => "復元",
        ContentRollback => "ロールバック",
        ContentCreate => "作成",
        ContentMove => "並べ替え・移動",
        ContentImport => "シート取り込み",
        StructureChange => "部局・年度の変更",
        ApprovalRequest => "承認依頼",
        ApprovalDecide => "承認依頼への対応",
        RedirectChange => "リダイレクト変更",
        MediaUpload => "画像アップロード",
        MediaDelete => "画像削除",
        AccountLogin => "ログイン",
        AccountLoginFailed => "ログイン失敗",
        AccountLockedOut => "アカウントロック",
        AccountThrottled => "ログイン試行の制限",
        AccountLogout => "ログアウト",
        AccountPasswordChanged => "パスワード変更",
        AccountTwoFactorEnabled => "2段階認証を有効化",
        AccountTwoFactorDisabled => "2段階認証を無効化",
        AccountCreated => "ユーザー作成",
        AccountUpdated => "ユーザー変更",
        AccountDisabled => "ユーザー無効化",
        AccountEnabled => "ユーザー有効化",
        AccountPasswordReset => "パスワードリセット",
        AccountSessionsEnded => "セッション終了",
        AccountBootstrap => "初期管理者作成",
        SettingsChanged => "設定変更",
        _ => Feedback.Inbox.InboxAuditActions.Label(action) ?? action,
    };
}

namespace UedaPublicGoals.Reporting.Status;

/// <summary>Where one report (中間報告 or 期末報告) of one goal stands in the backoffice workflow.</summary>
public enum ReportProgress
{
    /// <summary>未着手: no 取組 of the draft has this report yet.</summary>
    NotStarted,

    /// <summary>下書き: written in the draft, not yet asked for, scheduled or published.</summary>
    Draft,

    /// <summary>承認待ち: a 承認依頼 for the document is open.</summary>
    AwaitingApproval,

    /// <summary>差し戻し: the latest 承認依頼 was sent back.</summary>
    SentBack,

    /// <summary>予約済み: the draft is scheduled to be published.</summary>
    Scheduled,

    /// <summary>公開済み: every 取組 of the published version has this report.</summary>
    Published,
}

public static class ReportProgressText
{
    public static string Label(ReportProgress progress) => progress switch
    {
        ReportProgress.NotStarted => "未着手",
        ReportProgress.Draft => "下書き",
        ReportProgress.AwaitingApproval => "承認待ち",
        ReportProgress.SentBack => "差し戻し",
        ReportProgress.Scheduled => "予約済み",
        _ => "公開済み",
    };

    /// <summary>Query-string key of a state filter, e.g. "sent-back".</summary>
    public static string Key(ReportProgress progress) => progress switch
    {
        ReportProgress.NotStarted => "not-started",
        ReportProgress.Draft => "draft",
        ReportProgress.AwaitingApproval => "awaiting-approval",
        ReportProgress.SentBack => "sent-back",
        ReportProgress.Scheduled => "scheduled",
        _ => "published",
    };

    public static ReportProgress? FromKey(string? key) =>
        Enum.GetValues<ReportProgress>().Cast<ReportProgress?>().FirstOrDefault(p => Key(p!.Value) == key);
}

namespace UedaPublicGoals.Content.Model;

/// <summary>
/// The 重点目標管理シート's own Japanese field labels, as printed on the sheet: the editor's
/// labels, history, the conflict and approval diffs and the validator's messages name a
/// field with these, so staff see one word for one field everywhere.
/// </summary>
public static class SheetLabels
{
    public const string Title = "重点目標";
    public const string Priority = "優先順位";
    public const string ComprehensivePlanPosition = "総合計画における位置付け";
    public const string RestructuringPlanPosition = "上田再構築プラン Ver.2.0「もっと、前へ」における位置付け";
    public const string AdministrativeReformPosition = "第四次上田市行財政改革大綱・アクションプログラムにおける位置付け";
    public const string CurrentSituation = "現況・課題";
    public const string PurposeAndEffect = "目的・効果";
    public const string SdgGoals = "該当するSDGsの目標";
    public const string Initiative = "取組項目";
    public const string Period = "期間・期限";
    public const string Method = "取組項目及び方法・手段";
    public const string Target = "数値目標";
    public const string MidtermReport = "中間報告";
    public const string FinalReport = "期末報告";
    public const string SpecialNotes = "特記事項";
    public const string CitizenParticipation = "市民参加・協働の推進、市民満足度の向上を考慮した点";
    public const string EffectsAndRemainingIssues = "取組による効果・残された課題";
}

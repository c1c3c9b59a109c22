using UedaPublicGoals.Kernel.Audit;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>
/// Action keys the survey feature writes to the host's audit log (target: the survey's slug, or the answer set),
/// each with the Japanese word the log viewer shows; registered in the shared <see cref="AuditActionCatalog"/>.
/// </summary>
public static class SurveyAuditActions
{
    [AuditLabel("アンケートの作成・変更")]
    public const string Edit = "feedback.survey";
    [AuditLabel("アンケートの公開")]
    public const string Publish = "feedback.survey.publish";
    [AuditLabel("アンケートの締め切り")]
    public const string Close = "feedback.survey.close";
    [AuditLabel("紙のアンケートの入力")]
    public const string PaperEntry = "feedback.survey.paper";
    [AuditLabel("アンケート結果の書き出し")]
    public const string Export = "feedback.survey.export";
}

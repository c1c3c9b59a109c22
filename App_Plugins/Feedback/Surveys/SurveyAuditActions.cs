namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>Action keys the survey feature writes to the host's audit log (target: the survey's slug, or the answer set).</summary>
public static class SurveyAuditActions
{
    public const string Edit = "feedback.survey";
    public const string Publish = "feedback.survey.publish";
    public const string Close = "feedback.survey.close";
    public const string PaperEntry = "feedback.survey.paper";
    public const string Export = "feedback.survey.export";
}

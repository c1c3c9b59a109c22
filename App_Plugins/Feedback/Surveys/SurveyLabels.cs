using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>The Japanese words of the survey feature, and the fixed choices of 5段階 and 年代 questions.</summary>
public static class SurveyLabels
{
    public const string UnderFiveMessage = "回答が5件未満のため内訳は表示しません";

    /// <summary>Results are broken down only from this many answers on (a smaller group could point at a person).</summary>
    public const int MinimumToBreakDown = 5;

    public static readonly IReadOnlyList<string> ScaleChoices = ["そう思う", "どちらかといえばそう思う", "どちらともいえない", "どちらかといえばそう思わない", "そう思わない"];

    public static IReadOnlyList<(string Label, AgeGroup Age)> AgeChoices { get; } =
        [.. Enum.GetValues<AgeGroup>().Select(a => (FeedbackLabels.Of(a), a))];

    public static string Of(SurveyQuestionKind kind) => kind switch
    {
        SurveyQuestionKind.SingleChoice => "1つ選ぶ",
        SurveyQuestionKind.MultipleChoice => "いくつでも選ぶ",
        SurveyQuestionKind.Scale => "5段階",
        SurveyQuestionKind.ShortText => "短い文章",
        SurveyQuestionKind.LongText => "長い文章",
        _ => kind.ToString(),
    };

    public static string Of(SurveyState state) => state switch
    {
        SurveyState.Draft => "下書き",
        SurveyState.Published => "公開中",
        SurveyState.Closed => "終了",
        _ => state.ToString(),
    };

    public static string Period(Survey survey) =>
        survey.ClosesUtc is { } closes
            ? $"{TokyoTime.LongDateTime(survey.OpensUtc)}から{TokyoTime.LongDateTime(closes)}まで"
            : $"{TokyoTime.LongDateTime(survey.OpensUtc)}から";
}

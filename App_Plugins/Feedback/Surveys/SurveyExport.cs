using UedaPublicGoals.Feedback.Export;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>
/// A survey's answers as one table for CSV and .xlsx: one row per answer set, one column per
/// question (chosen labels joined with 「、」, texts as typed), so the 審議会 can count in Excel.
/// </summary>
public static class SurveyExport
{
    public static CommentExportTable Build(Survey survey, IReadOnlyList<SurveyAnswerSet> sets)
    {
        var questions = survey.Questions.OrderBy(q => q.Number).ToList();
        var columns = new List<ExportColumn> { new("回答番号", 10), new("受付日", 12), new("受付経路", 12), new("年代", 14) };
        columns.AddRange(questions.Select(q => new ExportColumn($"問{q.Number} {q.Text}", q.IsText ? 50 : 24)));
        var choiceLabels = questions.SelectMany(q => q.Choices).ToDictionary(c => c.Id, c => (c.Number, c.Label));
        var rows = sets.Select(set =>
        {
            var row = new List<string>
            {
                set.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TokyoTime.IsoDate(set.ReceivedUtc),
                FeedbackLabels.Of(set.Channel),
                set.AgeGroup is { } age ? FeedbackLabels.Of(age) : "",
            };
            foreach (var question in questions)
            {
                var answers = set.Answers.Where(a => a.QuestionId == question.Id).ToList();
                row.Add(question.IsText
                    ? answers.FirstOrDefault()?.Text ?? ""
                    : string.Join("、", answers.Where(a => a.ChoiceId is not null).Select(a => choiceLabels[a.ChoiceId!.Value]).OrderBy(c => c.Number).Select(c => c.Label)));
            }

            return (IReadOnlyList<string>)[.. row.Select(Forms.HostileText.Clean)];
        }).ToList();
        return new CommentExportTable(columns, rows);
    }
}

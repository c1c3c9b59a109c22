using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Statistics;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>One question's results: how many answered it and, for choice questions, the count of each choice.</summary>
public sealed record QuestionResult(SurveyQuestion Question, int Respondents, IReadOnlyList<CountRow> Choices)
{
    /// <summary>Whether residents may see the breakdown: not for a group small enough to point at someone.</summary>
    public bool MayBreakDown => Respondents >= SurveyLabels.MinimumToBreakDown;

    public string Percent(int count) => Respondents == 0 ? "―" : $"{count * 100.0 / Respondents:0.0}%";
}

public sealed record SurveyResultsReport(int AnswerSets, IReadOnlyList<QuestionResult> Questions);

/// <summary>Counts the answers of a survey in the database (two grouped queries, no answer rows loaded).</summary>
public static class SurveyResults
{
    public static async Task<SurveyResultsReport> ComputeAsync(FeedbackDbContext db, Survey survey, CancellationToken ct = default)
    {
        var questionIds = survey.Questions.Select(q => q.Id).ToList();
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => questionIds.Contains(a.QuestionId));
        var byChoice = await answers.Where(a => a.ChoiceId != null)
            .GroupBy(a => a.ChoiceId!.Value).Select(g => new { Choice = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Choice, g => g.Count, ct);
        var respondents = await answers
            .GroupBy(a => a.QuestionId).Select(g => new { Question = g.Key, Count = g.Select(a => a.AnswerSetId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Question, g => g.Count, ct);
        var sets = await db.SurveyAnswerSets.AsNoTracking().CountAsync(s => s.SurveyId == survey.Id, ct);
        return new SurveyResultsReport(sets, [.. survey.Questions.OrderBy(q => q.Number).Select(q => new QuestionResult(
            q,
            respondents.GetValueOrDefault(q.Id),
            [.. q.Choices.OrderBy(c => c.Number).Select(c => new CountRow(c.Label, byChoice.GetValueOrDefault(c.Id)))]))]);
    }
}

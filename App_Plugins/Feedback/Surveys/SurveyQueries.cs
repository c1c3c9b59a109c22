using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Feedback.Surveys;

public static class SurveyQueries
{
    /// <summary>Surveys with their questions and choices (read only).</summary>
    public static IQueryable<Survey> WithQuestions(this FeedbackDbContext db) =>
        db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Choices).AsSplitQuery();

    public static Task<SurveyAnswerSet?> AnswerSetAsync(this FeedbackDbContext db, long id, CancellationToken ct) =>
        db.SurveyAnswerSets.AsNoTracking().Include(s => s.Answers).FirstOrDefaultAsync(s => s.Id == id, ct);
}

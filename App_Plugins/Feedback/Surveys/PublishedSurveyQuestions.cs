using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>
/// The questions and choices of published surveys, read once per node. They never change after
/// publishing (answers refer to them by id, and a published survey cannot be edited or deleted), so
/// a school class answering at 9:00 costs one small query per answer instead of four. Drafts are
/// never cached: staff still edit them.
/// </summary>
public sealed class PublishedSurveyQuestions
{
    private readonly ConcurrentDictionary<int, List<SurveyQuestion>> bySurvey = new();

    /// <summary>Fills <paramref name="survey"/>'s questions (shared, read only) from the cache or the database.</summary>
    public async Task<Survey> FillAsync(FeedbackDbContext db, Survey survey, CancellationToken ct)
    {
        if (survey.State == SurveyState.Draft)
        {
            throw new InvalidOperationException("A draft survey's questions can still change; read them with WithQuestions().");
        }

        if (!bySurvey.TryGetValue(survey.Id, out var questions))
        {
            var loaded = await db.SurveyQuestions.AsNoTracking().Include(q => q.Choices)
                .Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Number).ToListAsync(ct);
            questions = bySurvey.GetOrAdd(survey.Id, loaded);
        }

        survey.Questions = questions;
        return survey;
    }
}

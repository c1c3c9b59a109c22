using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Participation;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>
/// Survey answer sets of the consultation's surveys, one person each, by the 年代 they gave (WEBアンケート, or
/// 郵送 for paper questionnaires keyed in by staff). Surveys ask no 分野, so the field is left unsaid.
/// Their free-text answers are also comments; <see cref="CommentParticipationSource"/> leaves those out so
/// nobody is counted twice.
/// </summary>
public sealed class SurveyParticipationSource(FeedbackDbContext db) : IParticipationSource
{
    public async Task<IReadOnlyList<ParticipationRow>> CountAsync(Consultation consultation, CancellationToken ct = default)
    {
        var groups = await db.SurveyAnswerSets.AsNoTracking()
            .Where(a => db.Surveys.Any(s => s.Id == a.SurveyId && s.ConsultationId == consultation.Id))
            .GroupBy(a => new { a.AgeGroup, a.Channel })
            .Select(g => new { g.Key.AgeGroup, g.Key.Channel, Count = g.Count() })
            .ToListAsync(ct);
        return groups.Select(g => new ParticipationRow(g.AgeGroup, FeedbackLabels.Of(g.Channel), null, g.Count)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Participation;

/// <summary>
/// Comments of every channel (web, post, workshops, facility corners, hearings), hidden ones left out, and
/// survey free text left out too: its answer set is counted once by the survey source.
/// </summary>
public sealed class CommentParticipationSource(FeedbackDbContext db) : IParticipationSource
{
    public async Task<IReadOnlyList<ParticipationRow>> CountAsync(Consultation consultation, CancellationToken ct = default)
    {
        var groups = await db.Comments.AsNoTracking()
            .Where(c => c.ConsultationId == consultation.Id && c.Status != CommentStatus.Hidden && c.SurveyAnswerSetId == null)
            .GroupBy(c => new { c.AgeGroup, c.Channel, c.Field })
            .Select(g => new { g.Key.AgeGroup, g.Key.Channel, g.Key.Field, Count = g.Count() })
            .ToListAsync(ct);
        return groups.Select(g => new ParticipationRow(g.AgeGroup, FeedbackLabels.Of(g.Channel), g.Field, g.Count)).ToList();
    }
}

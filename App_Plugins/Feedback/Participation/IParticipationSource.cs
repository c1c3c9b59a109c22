using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Participation;

/// <summary>
/// How many people took part through one channel, by 年代 and 分野. <see cref="Channel"/> is the label
/// residents read (e.g. 郵送, WEBアンケート); a null age or field means the person did not say.
/// </summary>
public sealed record ParticipationRow(AgeGroup? Age, string Channel, string? Field, int Count);

/// <summary>
/// One kind of participation counted on 「どんな人から意見を聞いたか」: comments of every channel
/// today; a survey feature adds its answer sets by registering another source
/// (services.AddScoped&lt;IParticipationSource, …&gt;()). Every registered source is summed.
/// </summary>
public interface IParticipationSource
{
    Task<IReadOnlyList<ParticipationRow>> CountAsync(Consultation consultation, CancellationToken ct = default);
}

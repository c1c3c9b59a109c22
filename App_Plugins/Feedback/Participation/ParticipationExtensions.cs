using Microsoft.Extensions.DependencyInjection;

namespace UedaPublicGoals.Feedback.Participation;

public static class ParticipationExtensions
{
    /// <summary>Counts comments; other features add their own <see cref="IParticipationSource"/> beside it.</summary>
    public static IServiceCollection AddParticipation(this IServiceCollection services) =>
        services.AddScoped<IParticipationSource, CommentParticipationSource>();
}

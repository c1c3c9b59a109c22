using Microsoft.Extensions.DependencyInjection;

namespace UedaPublicGoals.Feedback.Participation;

public static class ParticipationExtensions
{
    /// <summary>Every kind of participation the page sums: comments of every channel and survey answer sets.</summary>
    public static IServiceCollection AddParticipation(this IServiceCollection services) =>
        services
            .AddScoped<IParticipationSource, CommentParticipationSource>()
            .AddScoped<IParticipationSource, Surveys.SurveyParticipationSource>();
}

using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Surveys;

/// <summary>What the survey tests start from: a portal of their own, the officer who built the standard survey, and that survey published.</summary>
public abstract class PublishedSurveyTests : IAsyncLifetime
{
    protected FeedbackPortal Portal { get; } = new();

    protected BackofficeSession Officer { get; private set; } = null!;

    protected Survey Survey { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Officer = await SurveySteps.LogInOfficerAsync(Portal);
        Survey = await SurveySteps.CreatePublishedAsync(Portal, Officer);
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }
}

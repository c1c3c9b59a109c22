using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.FeedbackForm;

/// <summary>
/// The site for the comment form's browser tests, with the proof-of-work switched on (so
/// feedback-pow.js really solves it in Chromium) and the time trap off (a test types faster than
/// a person). A fixture of its own because those settings must not change the other pages' tests.
/// </summary>
public sealed class FeedbackBrowserPortal : BrowserPortal
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Feedback:AntiSpam:ProofOfWork"] = "On",
        ["Feedback:AntiSpam:MinimumFillSeconds"] = "0",
        ["Feedback:AntiSpam:RateLimit:PermitLimit"] = "1000",
    };

    public async Task<IPage> NewPhonePageAsync(bool javaScriptEnabled = true)
    {
        var context = await NewContextAsync(360, 740, javaScriptEnabled);
        return await context.NewPageAsync();
    }

    public async Task WithDbAsync(Func<FeedbackDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }
}

[CollectionDefinition(Name)]
public sealed class FeedbackBrowserCollection : ICollectionFixture<FeedbackBrowserPortal>
{
    public const string Name = "Feedback browser portal";
}

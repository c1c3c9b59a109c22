using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.DraftPlans;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.DraftPlans;

/// <summary>
/// The site with one published draft plan open for comment (invented test text; the seed has none),
/// the time trap and the proof-of-work off so a keyboard test can send without waiting. Its own
/// fixture, so the draft never shows up in the other pages' tests.
/// </summary>
public sealed class DraftPlanBrowserPortal : BrowserPortal
{
    public const string Slug = "browser-keikaku-an";

    public const string Url = "/iken/an/" + Slug;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Feedback:AntiSpam:ProofOfWork"] = "Off",
        ["Feedback:AntiSpam:MinimumFillSeconds"] = "0",
        ["Feedback:AntiSpam:RateLimit:PermitLimit"] = "1000",
    };

    protected override async Task OnStartedAsync()
    {
        await WithDbAsync(async db =>
        {
            var consultation = await db.Consultations.SingleAsync(c => c.IsDefault);
            var now = DateTime.UtcNow;
            db.DraftPlans.Add(new DraftPlan
            {
                ConsultationId = consultation.Id,
                Slug = Slug,
                OpensUtc = now.AddHours(-1),
                ClosesUtc = now.AddDays(40),
                CreatedUtc = now,
                Versions =
                [
                    new DraftPlanVersion
                    {
                        Number = 1,
                        Title = "ブラウザ確認用の計画（案）",
                        Body = "この案はブラウザでの確認に使います。\n\n# 第1章 総論\n\n## 目的\n\n一つ目の段落です。\n\n若い世代が住み続けたいと思えるまちをつくります。\n\n| 年度 | 内容 |\n| --- | --- |\n| 2026 | 始まり |\n\n# 第2章 方向\n\n放課後の居場所を増やします。",
                        UpdatedUtc = now,
                        EditedBy = "test@example.jp",
                        PublishedUtc = now,
                    },
                ],
            });
            await db.SaveChangesAsync();
        });
    }

    public async Task<IPage> NewPageAsync(int width, bool javaScriptEnabled = true)
    {
        var context = await NewContextAsync(width, 740, javaScriptEnabled);
        return await context.NewPageAsync();
    }

    public async Task WithDbAsync(Func<FeedbackDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }
}

[CollectionDefinition(Name)]
public sealed class DraftPlanBrowserCollection : ICollectionFixture<DraftPlanBrowserPortal>
{
    public const string Name = "Draft plan browser portal";
}

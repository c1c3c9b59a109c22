using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.Surveys;

/// <summary>
/// The site for the survey browser tests: the time trap off (a test answers faster than a pupil)
/// and no proof-of-work, so a resident without JavaScript sends at once. A fixture of its own so
/// those settings never reach the other pages' tests.
/// </summary>
public sealed class SurveyBrowserPortal : BrowserPortal
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Feedback:AntiSpam:ProofOfWork"] = "Off",
        ["Feedback:AntiSpam:MinimumFillSeconds"] = "0",
        ["Feedback:AntiSpam:RateLimit:PermitLimit"] = "1000",
    };

    public async Task<IPage> NewPhonePageAsync(bool javaScriptEnabled = true)
    {
        var context = await NewContextAsync(360, 740, javaScriptEnabled);
        return await context.NewPageAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<FeedbackDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }

    /// <summary>
    /// A published 10-question survey for the default consultation, built from the backoffice's own
    /// question forms: 問1 年代, 問2 はい/いいえ, 問3 (only for 問2 = はい) いくつでも, 問4–8 5段階, 問9 短文, 問10 長文.
    /// </summary>
    public Task<Survey> CreateTenQuestionSurveyAsync(string slug) => WithDbAsync(async db =>
    {
        var form = new SurveyForm
        {
            ConsultationId = await db.Consultations.Where(c => c.IsDefault).Select(c => c.Id).SingleAsync(),
            Slug = slug,
            Title = "中学生のためのまちづくりアンケート",
            AudienceLabel = "中学生向け",
            Description = "上田市の将来について、中学生のみなさんの考えを聞かせてください。",
            OpensAt = UedaPublicGoals.Kernel.TokyoTime.ToTokyo(DateTime.UtcNow).AddHours(-1),
            Questions =
            [
                new() { Text = "あなたの年代を教えてください", IsAgeGroup = true, IsRequired = true },
                new() { Text = "ふだん路線バスを使いますか", ChoicesText = "はい\nいいえ", IsRequired = true },
                new() { Text = "バスで不便なことは何ですか", Kind = SurveyQuestionKind.MultipleChoice, ChoicesText = "本数が少ない\n駅が遠い\n料金が高い", ConditionQuestion = 2, ConditionChoice = 1 },
                new() { Text = "上田市に住み続けたいと思いますか", Kind = SurveyQuestionKind.Scale },
                new() { Text = "上田市は若い人が活躍できるまちだと思いますか", Kind = SurveyQuestionKind.Scale },
                new() { Text = "放課後に過ごせる場所は足りていると思いますか", Kind = SurveyQuestionKind.Scale },
                new() { Text = "自然が豊かだと思いますか", Kind = SurveyQuestionKind.Scale },
                new() { Text = "市の情報は届いていると思いますか", Kind = SurveyQuestionKind.Scale },
                new() { Text = "好きな場所を一言で", Kind = SurveyQuestionKind.ShortText },
                new() { Text = "上田市への意見を自由に書いてください", Kind = SurveyQuestionKind.LongText },
            ],
        };
        Assert.Empty(form.Problems());
        var survey = new Survey { CreatedUtc = DateTime.UtcNow, State = SurveyState.Published };
        form.ApplyTo(survey);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return await db.WithQuestions().SingleAsync(s => s.Id == survey.Id);
    });
}

[CollectionDefinition(Name)]
public sealed class SurveyBrowserCollection : ICollectionFixture<SurveyBrowserPortal>
{
    public const string Name = "Survey browser portal";
}

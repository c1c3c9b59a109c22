using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using static UedaPublicGoals.Tests.Browser.Infrastructure.PageChecks;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Browser.Surveys;

/// <summary>
/// A 15-year-old answers a 10-question 中学生向け survey on a 360 px phone with the keyboard alone,
/// with and without JavaScript, and sees the results; axe finds nothing on the form, its error
/// state and the results. The time to answer is printed (never asserted).
/// </summary>
[Collection(SurveyBrowserCollection.Name)]
public sealed class KeyboardSurveyTests(SurveyBrowserPortal portal, ITestOutputHelper output)
{
    private static string Name(Survey survey, int number) => SurveyAnswerInput.FieldName(survey.Questions.Single(q => q.Number == number));

    /// <summary>Answers every question by keyboard: first choices, 問2 as given, two boxes of 問3 when it is reachable, texts typed.</summary>
    private static async Task AnswerByKeyboardAsync(IPage page, Survey survey, bool usesBus)
    {
        await page.TabToAsync($"input[name={Name(survey, 1)}]");
        await page.Keyboard.PressAsync("Space");     // 中学生以下
        await page.TabToAsync($"input[name={Name(survey, 2)}]");
        await page.Keyboard.PressAsync("Space");     // はい
        if (!usesBus)
        {
            await page.Keyboard.PressAsync("ArrowDown"); // いいえ
        }

        if (await page.Locator($"#{Name(survey, 3)}-group").IsVisibleAsync())
        {
            await page.TabToAsync($"#{Name(survey, 3)}-1");
            await page.Keyboard.PressAsync("Space");
            await page.TabToAsync($"#{Name(survey, 3)}-3");
            await page.Keyboard.PressAsync("Space");
        }

        for (var number = 4; number <= 8; number++)
        {
            // 答えない is chosen at first, so Tab lands on it; the arrow wraps round to そう思う.
            await page.TabToAsync($"input[name={Name(survey, number)}]");
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.TabToAsync($"#{Name(survey, 9)}");
        await page.Keyboard.InsertTextAsync("上田城跡公園");
        await page.TabToAsync($"#{Name(survey, 10)}");
        await page.Keyboard.InsertTextAsync("部活の帰りに乗れるバスがほしいです。");
        await page.TabToAsync("#survey-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/kekka", StringComparison.Ordinal));
    }

    private async Task<SurveyAnswerSet> StoredSetAsync(Survey survey) =>
        await portal.WithDbAsync(db => db.SurveyAnswerSets.AsNoTracking().Include(s => s.Answers).SingleAsync(s => s.SurveyId == survey.Id));

    [Fact]
    public async Task With_JavaScript_a_pupil_answers_ten_questions_by_keyboard_at_360_px_and_sees_the_results()
    {
        var survey = await portal.CreateTenQuestionSurveyAsync("keyboard-js");
        var page = await portal.NewPhonePageAsync();
        var clock = Stopwatch.StartNew();
        await page.OpenAsync(SurveyPaths.Survey(survey.Slug));
        Assert.False(await page.Locator($"#{Name(survey, 3)}-group").IsVisibleAsync()); // shown only for はい
        await AnswerByKeyboardAsync(page, survey, usesBus: true);
        clock.Stop();
        output.WriteLine($"Time to answer the 10-question survey by keyboard with JavaScript (Playwright, 360 px, open → results page): {clock.Elapsed.TotalSeconds:0.00} s");

        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("回答ありがとうございました", text);
        Assert.Contains(SurveyLabels.UnderFiveMessage, text);
        Assert.Contains("本数が少ない、料金が高い", text);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The results page scrolls sideways at 360 px.");
        await page.AssertNoAxeViolationsAsync("the results page");

        var set = await StoredSetAsync(survey);
        Assert.Equal(AgeGroup.JuniorHighOrYounger, set.AgeGroup);
        Assert.Equal(2, set.Answers.Count(a => a.QuestionId == survey.Questions.Single(q => q.Number == 3).Id));
        Assert.Equal(11, set.Answers.Count); // 1 + 1 + 2 + 5 + 2
    }

    [Fact]
    public async Task Without_JavaScript_every_question_is_on_the_page_and_the_server_applies_the_condition()
    {
        var survey = await portal.CreateTenQuestionSurveyAsync("keyboard-nojs");
        var page = await portal.NewPhonePageAsync(javaScriptEnabled: false);
        var clock = Stopwatch.StartNew();
        await page.OpenAsync(SurveyPaths.Survey(survey.Slug));
        Assert.True(await page.Locator($"#{Name(survey, 3)}-group").IsVisibleAsync());
        Assert.Contains("「はい」を選んだ人だけ", await page.Locator($"#{Name(survey, 3)}-group").InnerTextAsync());
        await AnswerByKeyboardAsync(page, survey, usesBus: false);
        clock.Stop();
        output.WriteLine($"Time to answer the 10-question survey by keyboard without JavaScript (Playwright, 360 px, open → results page): {clock.Elapsed.TotalSeconds:0.00} s");

        Assert.Contains("回答ありがとうございました", await page.Locator("main").InnerTextAsync());
        var set = await StoredSetAsync(survey);
        Assert.DoesNotContain(set.Answers, a => a.QuestionId == survey.Questions.Single(q => q.Number == 3).Id); // ticked, but 問2 was いいえ
        Assert.Equal(9, set.Answers.Count);

        // The same browser again: its own answers, not a second form.
        await page.OpenAsync(SurveyPaths.Survey(survey.Slug));
        Assert.EndsWith("/kekka", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_and_its_error_state_pass_axe_at_360_px()
    {
        var survey = await portal.CreateTenQuestionSurveyAsync("axe-form");
        var page = await portal.NewPhonePageAsync();
        await page.OpenAsync(SurveyPaths.Survey(survey.Slug));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The form scrolls sideways at 360 px.");
        await page.AssertNoAxeViolationsAsync("the empty survey form");

        await page.Locator("#survey-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Contains("問1に答えてください", await page.Locator($"#{Name(survey, 1)}-error").InnerTextAsync());
        await page.AssertNoAxeViolationsAsync("the survey form with errors");
        Assert.Equal(0, await portal.WithDbAsync(db => db.SurveyAnswerSets.CountAsync(s => s.SurveyId == survey.Id)));
    }
}

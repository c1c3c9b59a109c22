using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Surveys;

/// <summary>Every bad input of the builder and of the answer form: a Japanese message next to the field, what was typed kept, nothing stored, never a 500.</summary>
public sealed class SurveyBadInputTests : PublishedSurveyTests
{
    private async Task<AngleSharp.Dom.IDocument> RefusedBuilderAsync(Action<Dictionary<string, string>> change)
    {
        var consultation = await Portal.ComprehensivePlanAsync();
        var fields = SurveySteps.StandardSurvey(consultation.Id, new DateTime(2026, 12, 1, 9, 0, 0));
        fields["Form.Slug"] = "another-survey";
        change(fields);
        var response = await Officer.PostFormAsync(SurveySteps.StaffRoot + "/new", SurveySteps.StaffRoot + "/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Surveys.CountAsync()));
        return HtmlText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string ErrorOf(AngleSharp.Dom.IDocument page, string field) =>
        page.QuerySelector($"#{field.Replace('.', '_').Replace('[', '_').Replace(']', '_')}-error")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task A_survey_without_questions_is_refused()
    {
        var page = await RefusedBuilderAsync(fields =>
        {
            foreach (var key in fields.Keys.Where(k => k.StartsWith("Form.Questions", StringComparison.Ordinal)).ToList())
            {
                fields.Remove(key);
            }
        });
        Assert.Contains("質問を1つ以上入力してください", ErrorOf(page, "Form.Questions"));
    }

    [Fact]
    public async Task A_condition_on_a_later_question_or_on_itself_is_refused_next_to_that_question()
    {
        var later = await RefusedBuilderAsync(fields => fields["Form.Questions[2].ConditionQuestion"] = "5");
        Assert.Contains("問3より前の質問だけ", ErrorOf(later, "Form.Questions[2].ConditionQuestion"));
        Assert.Equal("5", later.QuerySelector("#Form_Questions_2__ConditionQuestion")!.GetAttribute("value"));
        Assert.Equal("バスで不便なことは何ですか", later.QuerySelector("#Form_Questions_2__Text")!.TextContent);

        var itself = await RefusedBuilderAsync(fields => fields["Form.Questions[2].ConditionQuestion"] = "3");
        Assert.Contains("問3自身は使えません", ErrorOf(itself, "Form.Questions[2].ConditionQuestion"));

        var onText = await RefusedBuilderAsync(fields => fields["Form.Questions[5].ConditionQuestion"] = "5");
        Assert.Contains("選んで答える質問だけ", ErrorOf(onText, "Form.Questions[5].ConditionQuestion"));

        var noSuchChoice = await RefusedBuilderAsync(fields => fields["Form.Questions[2].ConditionChoice"] = "3");
        Assert.Contains("1から2の間", ErrorOf(noSuchChoice, "Form.Questions[2].ConditionChoice"));
    }

    [Fact]
    public async Task A_choice_question_without_choices_and_a_close_before_the_open_are_refused()
    {
        var page = await RefusedBuilderAsync(fields =>
        {
            fields["Form.Questions[1].ChoicesText"] = "はい";
            fields["Form.ClosesAt"] = "2026-11-30T09:00";
        });
        Assert.Contains("選択肢を1行に1つずつ、2つ以上", ErrorOf(page, "Form.Questions[1].ChoicesText"));
        Assert.Contains("受付終了は受付開始より後", ErrorOf(page, "Form.ClosesAt"));
        Assert.NotNull(page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task A_published_survey_cannot_be_edited_and_the_add_button_keeps_what_was_typed_without_saving()
    {
        var edit = await Officer.PostFormAsync($"{SurveySteps.StaffRoot}/{Survey.Id}", $"{SurveySteps.StaffRoot}/{Survey.Id}", new() { ["Form.Title"] = "変更", ["Form.Slug"] = SurveySteps.Slug });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(Survey.Title, await Portal.WithDbAsync(db => db.Surveys.Select(s => s.Title).SingleAsync()));

        var consultation = await Portal.ComprehensivePlanAsync();
        var fields = SurveySteps.StandardSurvey(consultation.Id, new DateTime(2026, 12, 1, 9, 0, 0));
        fields["Form.Slug"] = "draft-two";
        fields["add"] = "1";
        var added = HtmlText.Parse(await (await Officer.PostFormAsync(SurveySteps.StaffRoot + "/new", SurveySteps.StaffRoot + "/new", fields)).Content.ReadAsStringAsync());
        Assert.NotNull(added.QuerySelector("#Form_Questions_6__Text"));
        Assert.Equal("好きな場所を一言で", added.QuerySelector("#Form_Questions_5__Text")!.TextContent);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Surveys.CountAsync()));
    }

    private async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> RefusedAnswerAsync(Action<HtmlFormData> fill)
    {
        var (session, form) = await SurveySteps.OpenAndFillAsync(Portal, Survey, fill);
        var rows = await SurveySteps.StoredRowsAsync(Portal);
        var (response, html) = await session.PostAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"answered {(int)response.StatusCode}: {HtmlText.MainText(html)}");
        Assert.Equal(rows, await SurveySteps.StoredRowsAsync(Portal));
        var page = HtmlText.Parse(html);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        return (response, page);
    }

    [Fact]
    public async Task A_choice_id_from_another_survey_is_refused_with_the_answers_kept()
    {
        var other = await SurveySteps.CreatePublishedAsync(Portal, Officer, fields => fields["Form.Slug"] = "kokosei-2026");
        var (_, page) = await RefusedAnswerAsync(form => form[SurveySteps.Field(Survey, 2)] = SurveySteps.Choice(other, 2, "はい"));
        Assert.Contains("問2の選択肢にない回答", page.QuerySelector($"#{SurveySteps.Field(Survey, 2)}-error")!.TextContent);
        Assert.Equal("部活の帰りに乗れるバスがほしいです。", page.QuerySelector($"#{SurveySteps.Field(Survey, 5)}")!.TextContent);
        Assert.Equal("千曲川", page.QuerySelector($"#{SurveySteps.Field(Survey, 6)}")!.GetAttribute("value"));
        Assert.True(page.QuerySelector($"#{SurveySteps.Field(Survey, 1)}-1")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task An_answer_to_a_question_that_is_not_in_the_survey_is_refused()
    {
        var other = await SurveySteps.CreatePublishedAsync(Portal, Officer, fields => fields["Form.Slug"] = "kokosei-2026");
        var (_, page) = await RefusedAnswerAsync(form => form[SurveySteps.Field(other, 2)] = SurveySteps.Choice(other, 2, "はい"));
        Assert.Contains("このアンケートにない質問への回答", page.QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Ten_thousand_values_for_one_multiple_choice_question_get_a_message_not_a_500()
    {
        var (_, page) = await RefusedAnswerAsync(form =>
        {
            var choice = SurveySteps.Choice(Survey, 3, "駅が遠い");
            for (var i = 0; i < 10_000; i++)
            {
                form.Fields.Add(new(SurveySteps.Field(Survey, 3), choice));
            }
        });
        Assert.Contains("選択肢の数（3個）より多く", page.QuerySelector($"#{SurveySteps.Field(Survey, 3)}-error")!.TextContent);
    }

    [Fact]
    public async Task Over_long_texts_and_a_missing_required_answer_are_refused_next_to_their_questions_with_the_text_kept()
    {
        var tooLong = new string('あ', SurveyModel.LongTextMaximum + 1);
        var (_, page) = await RefusedAnswerAsync(form =>
        {
            form[SurveySteps.Field(Survey, 5)] = tooLong;
            form[SurveySteps.Field(Survey, 6)] = new string('い', SurveyModel.ShortTextMaximum + 1);
            form[SurveySteps.Field(Survey, 2)] = null;
        });
        Assert.Contains("1,800文字以内", page.QuerySelector($"#{SurveySteps.Field(Survey, 5)}-error")!.TextContent);
        Assert.Equal(tooLong, page.QuerySelector($"#{SurveySteps.Field(Survey, 5)}")!.TextContent);
        Assert.Contains("200文字以内", page.QuerySelector($"#{SurveySteps.Field(Survey, 6)}-error")!.TextContent);
        Assert.Contains("問2に答えてください", page.QuerySelector($"#{SurveySteps.Field(Survey, 2)}-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector($"#{SurveySteps.Field(Survey, 5)}")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task A_closed_survey_says_so_in_Japanese_and_stores_nothing()
    {
        var (session, form) = await SurveySteps.OpenAndFillAsync(Portal, Survey);
        var editUrl = $"{SurveySteps.StaffRoot}/{Survey.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await Officer.PostFormAsync(editUrl, editUrl + "/close", [])).StatusCode);

        var (response, html) = await session.PostAsync(form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("このアンケートは終了しました", HtmlText.MainText(html));
        Assert.Equal(0, await SurveySteps.StoredRowsAsync(Portal));
        Assert.Contains("このアンケートは終了しました", HtmlText.MainText(await Portal.OpenSession().Client.GetStringAsync(SurveySteps.FormUrl)));
        Assert.DoesNotContain(Survey.Title, HtmlText.MainText(await Portal.OpenSession().Client.GetStringAsync("/iken/anketo")));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_and_the_answers_kept()
    {
        var (session, form) = await SurveySteps.OpenAndFillAsync(Portal, Survey);
        form["__RequestVerificationToken"] = null;
        var (response, html) = await session.PostAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("部活の帰りに乗れるバスがほしいです。", html);
        Assert.Equal(0, await SurveySteps.StoredRowsAsync(Portal));

        var (forged, _) = await Portal.OpenSession().PostAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await SurveySteps.StoredRowsAsync(Portal));
    }

    [Fact]
    public async Task A_draft_survey_and_an_unknown_slug_are_not_found_for_residents()
    {
        var consultation = await Portal.ComprehensivePlanAsync();
        var fields = SurveySteps.StandardSurvey(consultation.Id, new DateTime(2026, 1, 1, 9, 0, 0));
        fields["Form.Slug"] = "still-a-draft";
        Assert.Equal(HttpStatusCode.Redirect, (await Officer.PostFormAsync(SurveySteps.StaffRoot + "/new", SurveySteps.StaffRoot + "/new", fields)).StatusCode);
        var visitor = Portal.OpenSession().Client;
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/iken/anketo/still-a-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/iken/anketo/" + new string('a', 300))).StatusCode);
    }
}

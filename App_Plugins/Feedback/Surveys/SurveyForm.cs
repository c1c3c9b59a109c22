using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using UedaPublicGoals.Feedback.Admin;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>A survey as staff build it in the backoffice: times in Japan time, choices one per line.</summary>
public sealed class SurveyForm
{
    public const int QuestionLimit = 60;
    public const int ChoiceLimit = 30;

    [Required(ErrorMessage = "意見募集を選んでください。")]
    public int? ConsultationId { get; set; }

    [Required(ErrorMessage = "URLの名前を入力してください。")]
    [StringLength(SurveyModel.SlugMaximum, ErrorMessage = "URLの名前は80文字以内にしてください。")]
    [RegularExpression(SlugRule.Pattern, ErrorMessage = "URLの名前は半角の小文字英数字とハイフンで入力してください（例：chugakusei-2026）。")]
    public string Slug { get; set; } = "";

    [Required(ErrorMessage = "題名を入力してください。")]
    [StringLength(SurveyModel.TitleMaximum, ErrorMessage = "題名は200文字以内にしてください。")]
    public string Title { get; set; } = "";

    [StringLength(SurveyModel.AudienceMaximum, ErrorMessage = "対象は50文字以内にしてください。")]
    public string? AudienceLabel { get; set; }

    [StringLength(SurveyModel.DescriptionMaximum, ErrorMessage = "説明は4,000文字以内にしてください。")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "受付開始の日時を入力してください。")]
    public DateTime? OpensAt { get; set; }

    public DateTime? ClosesAt { get; set; }

    public List<QuestionForm> Questions { get; set; } = [];

    public static SurveyForm Empty(DateTime opensAtTokyo) => new() { OpensAt = opensAtTokyo, Questions = [new(), new(), new()] };

    public static SurveyForm From(Survey survey) => new()
    {
        ConsultationId = survey.ConsultationId,
        Slug = survey.Slug,
        Title = survey.Title,
        AudienceLabel = survey.AudienceLabel,
        Description = survey.Description,
        OpensAt = TokyoTime.ToTokyo(survey.OpensUtc),
        ClosesAt = survey.ClosesUtc is { } closes ? TokyoTime.ToTokyo(closes) : null,
        Questions = [.. survey.Questions.OrderBy(q => q.Number).Select(QuestionForm.From)],
    };

    /// <summary>Drops question blocks left entirely empty (the builder always offers spare ones).</summary>
    public void DropEmptyQuestions() => Questions.RemoveAll(q => q.IsEmpty);

    /// <summary>
    /// The rules the data annotations cannot say, as (field, Japanese message): at least one
    /// question, a question text, choices for choice questions, one 年代 question at most, conditions
    /// only on an earlier choice question (one level), closing after opening.
    /// </summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (OpensAt is { } opens && ClosesAt is { } closes && closes <= opens)
        {
            yield return (nameof(ClosesAt), "受付終了は受付開始より後の日時にしてください。");
        }

        if (Questions.Count == 0)
        {
            yield return (nameof(Questions), "質問を1つ以上入力してください。");
            yield break;
        }

        if (Questions.Count > QuestionLimit)
        {
            yield return (nameof(Questions), $"質問は{QuestionLimit}個までにしてください。");
        }

        if (Questions.Count(q => q.IsAgeGroup) > 1)
        {
            yield return (nameof(Questions), "年代の質問は1つだけにしてください。");
        }

        for (var i = 0; i < Questions.Count; i++)
        {
            foreach (var (field, message) in Questions[i].Problems(i + 1, Questions))
            {
                yield return ($"{nameof(Questions)}[{i}].{field}", message);
            }
        }
    }

    public void AddProblemsTo(ModelStateDictionary modelState, string prefix)
    {
        foreach (var (field, message) in Problems())
        {
            modelState.AddModelError($"{prefix}.{field}", message);
        }
    }

    public void ApplyTo(Survey survey)
    {
        survey.ConsultationId = ConsultationId!.Value;
        survey.Slug = Slug.Trim();
        survey.Title = Title.Trim();
        survey.AudienceLabel = AudienceLabel?.Trim() ?? "";
        survey.Description = Description?.Trim() ?? "";
        survey.OpensUtc = TokyoTime.ToUtc(OpensAt!.Value);
        survey.ClosesUtc = ClosesAt is { } closes ? TokyoTime.ToUtc(closes) : null;
        survey.Questions = [.. Questions.Select((q, i) => q.ToQuestion(i + 1))];
    }
}

/// <summary>One question block of the builder.</summary>
public sealed class QuestionForm
{
    public string? Text { get; set; }

    public SurveyQuestionKind Kind { get; set; } = SurveyQuestionKind.SingleChoice;

    public bool IsRequired { get; set; }

    public bool IsAgeGroup { get; set; }

    /// <summary>Choices of a 1つ選ぶ / いくつでも選ぶ question, one per line (5段階 and 年代 have fixed ones).</summary>
    public string? ChoicesText { get; set; }

    /// <summary>問 number of the earlier question this one depends on.</summary>
    public int? ConditionQuestion { get; set; }

    /// <summary>The choice number (1 = the first) of that question which shows this one.</summary>
    public int? ConditionChoice { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(ChoicesText) && ConditionQuestion is null && ConditionChoice is null && !IsAgeGroup;

    public SurveyQuestionKind EffectiveKind => IsAgeGroup ? SurveyQuestionKind.SingleChoice : Kind;

    /// <summary>The choices this question will have: fixed for 5段階 and 年代, typed for the others, none for text.</summary>
    public IReadOnlyList<string> ChoiceLabels => IsAgeGroup
        ? [.. SurveyLabels.AgeChoices.Select(a => a.Label)]
        : Kind switch
        {
            SurveyQuestionKind.Scale => SurveyLabels.ScaleChoices,
            SurveyQuestionKind.SingleChoice or SurveyQuestionKind.MultipleChoice => ConsultationForm.Lines(ChoicesText),
            _ => [],
        };

    public static QuestionForm From(SurveyQuestion q) => new()
    {
        Text = q.Text,
        Kind = q.Kind,
        IsRequired = q.IsRequired,
        IsAgeGroup = q.IsAgeGroup,
        ChoicesText = q.Kind is SurveyQuestionKind.SingleChoice or SurveyQuestionKind.MultipleChoice && !q.IsAgeGroup
            ? string.Join("\n", q.Choices.OrderBy(c => c.Number).Select(c => c.Label))
            : null,
        ConditionQuestion = q.ConditionQuestionNumber,
        ConditionChoice = q.ConditionChoiceNumber,
    };

    public IEnumerable<(string Field, string Message)> Problems(int number, IReadOnlyList<QuestionForm> all)
    {
        var text = Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            yield return (nameof(Text), $"問{number}の質問文を入力してください。");
        }
        else if (text.Length > SurveyModel.QuestionMaximum)
        {
            yield return (nameof(Text), $"問{number}の質問文は{SurveyModel.QuestionMaximum}文字以内にしてください。");
        }

        if (!Enum.IsDefined(Kind))
        {
            yield return (nameof(Kind), $"問{number}の答え方を選んでください。");
        }
        else if (IsAgeGroup && Kind != SurveyQuestionKind.SingleChoice)
        {
            yield return (nameof(Kind), $"問{number}は年代の質問です。答え方は「1つ選ぶ」にしてください。");
        }
        else if (Kind is SurveyQuestionKind.SingleChoice or SurveyQuestionKind.MultipleChoice && !IsAgeGroup)
        {
            var choices = ChoiceLabels;
            if (choices.Count < 2)
            {
                yield return (nameof(ChoicesText), $"問{number}は選んで答える質問です。選択肢を1行に1つずつ、2つ以上入力してください。");
            }
            else if (choices.Count > SurveyForm.ChoiceLimit)
            {
                yield return (nameof(ChoicesText), $"問{number}の選択肢は{SurveyForm.ChoiceLimit}個までにしてください。");
            }
            else if (choices.Any(c => c.Length > SurveyModel.ChoiceMaximum))
            {
                yield return (nameof(ChoicesText), $"問{number}の選択肢は1つ{SurveyModel.ChoiceMaximum}文字以内にしてください。");
            }
        }

        if (ConditionQuestion is null)
        {
            if (ConditionChoice is not null)
            {
                yield return (nameof(ConditionQuestion), $"問{number}の条件にする質問を選んでください（条件がなければ選択肢の番号も空にしてください）。");
            }

            yield break;
        }

        var on = ConditionQuestion.Value;
        if (on == number)
        {
            yield return (nameof(ConditionQuestion), $"問{number}の条件に、問{number}自身は使えません。より前の質問を選んでください。");
        }
        else if (on > number || on < 1)
        {
            yield return (nameof(ConditionQuestion), $"問{number}の条件にできるのは、問{number}より前の質問だけです（問{on}は後にあります）。");
        }
        else if (all[on - 1] is var target && target.EffectiveKind is SurveyQuestionKind.ShortText or SurveyQuestionKind.LongText)
        {
            yield return (nameof(ConditionQuestion), $"問{number}の条件にできるのは、選んで答える質問だけです（問{on}は文章で答える質問です）。");
        }
        else if (target.ConditionQuestion is not null)
        {
            yield return (nameof(ConditionQuestion), $"条件は1段階までです。問{on}にも条件があるため、問{number}の条件にはできません。");
        }
        else if (ConditionChoice is not { } choice || choice < 1 || choice > target.ChoiceLabels.Count)
        {
            yield return (nameof(ConditionChoice), $"問{number}を表示する問{on}の選択肢の番号を、1から{target.ChoiceLabels.Count}の間で入力してください。");
        }
    }

    public SurveyQuestion ToQuestion(int number) => new()
    {
        Number = number,
        Text = Text!.Trim(),
        Kind = EffectiveKind,
        IsRequired = IsRequired,
        IsAgeGroup = IsAgeGroup,
        ConditionQuestionNumber = ConditionQuestion,
        ConditionChoiceNumber = ConditionQuestion is null ? null : ConditionChoice,
        Choices = [.. ChoiceLabels.Select((label, i) => new SurveyChoice
        {
            Number = i + 1,
            Label = label,
            AgeGroup = IsAgeGroup ? SurveyLabels.AgeChoices[i].Age : null,
        })],
    };
}

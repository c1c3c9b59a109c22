using System.Globalization;
using Microsoft.AspNetCore.Http;
using UedaPublicGoals.Feedback.Forms;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>What a survey form posted, as typed: the values of each question's field (q{id}).</summary>
public sealed class SurveyAnswerInput(IReadOnlyDictionary<int, IReadOnlyList<string>> values, IReadOnlyList<string> unknownFields)
{
    public const string FieldPrefix = "q";

    public static readonly SurveyAnswerInput None = new(new Dictionary<int, IReadOnlyList<string>>(), []);

    /// <summary>Form fields named like a question (q + digits) that are not one of this survey's.</summary>
    public IReadOnlyList<string> UnknownFields { get; } = unknownFields;

    public static string FieldName(SurveyQuestion question) => FieldPrefix + question.Id.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<string> ValuesOf(SurveyQuestion question) => values.TryGetValue(question.Id, out var v) ? v : [];

    public string TextOf(SurveyQuestion question) => ValuesOf(question).FirstOrDefault() ?? "";

    public bool IsChosen(SurveyQuestion question, SurveyChoice choice) =>
        ValuesOf(question).Contains(choice.Id.ToString(CultureInfo.InvariantCulture));

    public static SurveyAnswerInput Read(IFormCollection form, Survey survey)
    {
        var known = survey.Questions.ToDictionary(FieldName, q => q.Id, StringComparer.Ordinal);
        var values = new Dictionary<int, IReadOnlyList<string>>();
        var unknown = new List<string>();
        foreach (var (name, value) in form)
        {
            if (known.TryGetValue(name, out var id))
            {
                values[id] = [.. value.Select(v => HostileText.Clean(v ?? ""))];
            }
            else if (name.Length > 1 && name.StartsWith(FieldPrefix, StringComparison.Ordinal) && name.Skip(1).All(char.IsAsciiDigit))
            {
                unknown.Add(name);
            }
        }

        return new SurveyAnswerInput(values, unknown);
    }
}

/// <summary>A checked answer set, or the errors by field name (q{id}, or "Form").</summary>
public sealed record SurveyAnswerCheck(SurveyAnswerSet? Set, IReadOnlyList<(SurveyQuestion Question, string Text)> FreeText, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// The rules for answering: conditions applied on the server (a question whose condition is not met
/// is ignored, whatever was sent for it), required questions, choices only of that question and each
/// at most once, texts within their length.
/// </summary>
public static class SurveyAnswerRules
{
    public const string FormError = "Form";

    public static SurveyAnswerCheck Check(Survey survey, SurveyAnswerInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.UnknownFields.Count > 0)
        {
            errors[FormError] = "このアンケートにない質問への回答が含まれていたため、送信できませんでした。入力した内容を確かめて、もう一度送信してください。";
        }

        var questions = survey.Questions.OrderBy(q => q.Number).ToList();
        var chosen = new Dictionary<int, List<SurveyChoice>>();
        var answers = new List<SurveyAnswer>();
        var freeText = new List<(SurveyQuestion, string)>();
        foreach (var question in questions)
        {
            if (!IsShown(question, questions, chosen))
            {
                continue;
            }

            var field = SurveyAnswerInput.FieldName(question);
            var values = input.ValuesOf(question);
            if (question.HasChoices)
            {
                var (choices, error) = Choices(question, values);
                if (error is not null)
                {
                    errors[field] = error;
                    continue;
                }

                if (choices.Count == 0 && question.IsRequired)
                {
                    errors[field] = $"問{question.Number}に答えてください（必須）。";
                    continue;
                }

                chosen[question.Number] = choices;
                answers.AddRange(choices.Select(c => new SurveyAnswer { QuestionId = question.Id, ChoiceId = c.Id }));
                continue;
            }

            if (values.Count > 1)
            {
                errors[field] = $"問{question.Number}の回答が正しく送られませんでした。もう一度入力してください。";
                continue;
            }

            var singleLine = question.Kind == SurveyQuestionKind.ShortText;
            var text = CommentInput.NormalizeText(values.FirstOrDefault(), singleLine);
            var maximum = singleLine ? SurveyModel.ShortTextMaximum : SurveyModel.LongTextMaximum;
            var length = new StringInfo(text).LengthInTextElements;
            if (text.Length == 0)
            {
                if (question.IsRequired)
                {
                    errors[field] = $"問{question.Number}に答えてください（必須）。";
                }

                continue;
            }

            if (length > maximum || text.Length > SurveyModel.LongTextMaximum)
            {
                errors[field] = string.Create(CultureInfo.InvariantCulture, $"問{question.Number}は{maximum:N0}文字以内で書いてください（いまは{length:N0}文字です）。");
                continue;
            }

            answers.Add(new SurveyAnswer { QuestionId = question.Id, Text = text });
            freeText.Add((question, text));
        }

        if (errors.Count > 0)
        {
            return new SurveyAnswerCheck(null, [], errors);
        }

        var age = questions.Where(q => q.IsAgeGroup).SelectMany(q => chosen.GetValueOrDefault(q.Number) ?? []).Select(c => c.AgeGroup).FirstOrDefault();
        return new SurveyAnswerCheck(new SurveyAnswerSet { SurveyId = survey.Id, AgeGroup = age, Answers = answers }, freeText, errors);
    }

    /// <summary>A question without a condition, or whose condition (an earlier choice) was chosen in a valid answer.</summary>
    public static bool IsShown(SurveyQuestion question, IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<int, List<SurveyChoice>> chosen) =>
        question.ConditionQuestionNumber is not { } on
        || (chosen.TryGetValue(on, out var picks) && picks.Any(c => c.Number == question.ConditionChoiceNumber));

    private static (List<SurveyChoice> Choices, string? Error) Choices(SurveyQuestion question, IReadOnlyList<string> values)
    {
        var nonEmpty = values.Where(v => v.Length > 0).ToList();
        var single = question.Kind != SurveyQuestionKind.MultipleChoice;
        if (nonEmpty.Count > (single ? 1 : question.Choices.Count))
        {
            return ([], single
                ? $"問{question.Number}は1つだけ選んでください。"
                : $"問{question.Number}の回答が、選択肢の数（{question.Choices.Count}個）より多く送られました。選び直してください。");
        }

        var picked = new List<SurveyChoice>();
        foreach (var value in nonEmpty)
        {
            var choice = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? question.Choices.FirstOrDefault(c => c.Id == id)
                : null;
            if (choice is null)
            {
                return ([], $"問{question.Number}の選択肢にない回答が送られました。選択肢の中から選び直してください。");
            }

            if (picked.Contains(choice))
            {
                return ([], $"問{question.Number}で同じ選択肢が2回送られました。選び直してください。");
            }

            picked.Add(choice);
        }

        return ([.. picked.OrderBy(c => c.Number)], null);
    }
}

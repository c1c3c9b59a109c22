using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>
/// A WEBアンケート of a consultation, e.g. 中学生向けアンケート. Its questions are fixed once it is
/// published: answers refer to them (and to their choices) by id, conditions by question number.
/// </summary>
public sealed class Survey
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    /// <summary>ASCII URL segment: /iken/anketo/{slug}.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Who it is for, e.g. 中学生向け; shown above the title.</summary>
    public string AudienceLabel { get; set; } = "";

    /// <summary>Plain paragraphs shown above the questions.</summary>
    public string Description { get; set; } = "";

    public DateTime OpensUtc { get; set; }

    /// <summary>Null: open until staff close it.</summary>
    public DateTime? ClosesUtc { get; set; }

    public SurveyState State { get; set; } = SurveyState.Draft;

    public DateTime CreatedUtc { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];

    public bool IsAnswerableAt(DateTime utc) =>
        State == SurveyState.Published && utc >= OpensUtc && (ClosesUtc is null || utc < ClosesUtc);
}

public enum SurveyState
{
    /// <summary>下書き: editable, not shown to residents.</summary>
    Draft = 0,
    /// <summary>公開中: answerable between its dates; questions fixed.</summary>
    Published = 1,
    /// <summary>終了: closed by staff, results kept.</summary>
    Closed = 2,
}

/// <summary>One question; <see cref="Number"/> is its place (問1, 問2, …).</summary>
public sealed class SurveyQuestion
{
    public int Id { get; set; }

    public int SurveyId { get; set; }

    public int Number { get; set; }

    public string Text { get; set; } = "";

    public SurveyQuestionKind Kind { get; set; }

    public bool IsRequired { get; set; }

    /// <summary>The 年代 question: its choices are the module's age groups and the answer set carries the one chosen.</summary>
    public bool IsAgeGroup { get; set; }

    /// <summary>Shown only when question <see cref="ConditionQuestionNumber"/> (an earlier one) was answered with its choice number <see cref="ConditionChoiceNumber"/>.</summary>
    public int? ConditionQuestionNumber { get; set; }

    public int? ConditionChoiceNumber { get; set; }

    public List<SurveyChoice> Choices { get; set; } = [];

    public bool HasChoices => Kind is SurveyQuestionKind.SingleChoice or SurveyQuestionKind.MultipleChoice or SurveyQuestionKind.Scale;

    public bool IsText => !HasChoices;
}

public enum SurveyQuestionKind
{
    SingleChoice = 0,
    MultipleChoice = 1,
    /// <summary>5段階: five fixed choices from そう思う to そう思わない.</summary>
    Scale = 2,
    ShortText = 3,
    LongText = 4,
}

public sealed class SurveyChoice
{
    public int Id { get; set; }

    public int QuestionId { get; set; }

    /// <summary>1-based place in the question.</summary>
    public int Number { get; set; }

    public string Label { get; set; } = "";

    /// <summary>Set on the choices of the 年代 question.</summary>
    public AgeGroup? AgeGroup { get; set; }
}

/// <summary>One resident's (or one paper questionnaire's) answers.</summary>
public sealed class SurveyAnswerSet
{
    public long Id { get; set; }

    public int SurveyId { get; set; }

    /// <summary>Web or Post (郵送: keyed in by staff).</summary>
    public CommentChannel Channel { get; set; }

    public DateTime ReceivedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Staff who keyed in a paper questionnaire; null for the web.</summary>
    public string? EnteredBy { get; set; }

    /// <summary>The form ticket's id: one answer set per form, whatever the double clicks.</summary>
    public string? SubmissionId { get; set; }

    /// <summary>Salted hash of the client address, for abuse control only (purged with the consultation's contacts).</summary>
    public string? ClientHash { get; set; }

    public AgeGroup? AgeGroup { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>One chosen choice, or one text answer.</summary>
public sealed class SurveyAnswer
{
    public long Id { get; set; }

    public long AnswerSetId { get; set; }

    public int QuestionId { get; set; }

    public int? ChoiceId { get; set; }

    public string? Text { get; set; }
}

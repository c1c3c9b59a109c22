using System.Globalization;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Feedback.Public;

/// <summary>Step 1: the empty or returned form.</summary>
public sealed record CommentFormPage(
    Consultation Consultation,
    FeedbackGoal? Goal,
    CommentFormFields Fields,
    FieldErrors Errors,
    DraftPlans.ParagraphTarget? Paragraph = null);

/// <summary>Step 2: what will be sent, carried in hidden fields, with the human check if one is needed now.</summary>
public sealed record ConfirmPage(
    Consultation Consultation,
    FeedbackGoal? Goal,
    CommentFormFields Fields,
    ValidatedComment Comment,
    HumanCheckWidget? HumanCheck,
    string? Problem,
    DraftPlans.ParagraphTarget? Paragraph = null);

/// <summary>Step 3: the 受付番号 and what happens next.</summary>
public sealed record ThanksPage(ThanksTicket Ticket, FeedbackGoal? Goal);

public sealed record ClosedPage(Consultation Consultation, bool NotYetOpen);

/// <summary>Errors by form field name, with the ids the markup uses for aria-describedby and the summary links.</summary>
public sealed class FieldErrors(IReadOnlyDictionary<string, string> errors)
{
    public static readonly FieldErrors None = new(new Dictionary<string, string>());

    /// <summary>Field names in the order they appear on the form, and the element each summary link targets.</summary>
    private static readonly (string Field, string Target)[] Order =
    [
        ("Form", "comment-form"),
        (nameof(CommentFormFields.Paragraph), nameof(CommentFormFields.Paragraph)),
        (nameof(CommentFormFields.Text), nameof(CommentFormFields.Text)),
        (nameof(CommentFormFields.Field), nameof(CommentFormFields.Field) + "-0"),
        (nameof(CommentFormFields.AgeGroup), nameof(CommentFormFields.AgeGroup) + "-0"),
        (nameof(CommentFormFields.Residence), nameof(CommentFormFields.Residence) + "-0"),
        (nameof(CommentFormFields.Nickname), nameof(CommentFormFields.Nickname)),
        (nameof(CommentFormFields.ReplyEmail), nameof(CommentFormFields.ReplyEmail)),
        (nameof(CommentFormFields.Consent), nameof(CommentFormFields.Consent)),
    ];

    public int Count => errors.Count;

    public string? For(string field) => errors.TryGetValue(field, out var message) ? message : null;

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>These errors and one more.</summary>
    public FieldErrors With(string field, string message) => new(new Dictionary<string, string>(errors) { [field] = message });

    public static string ErrorId(string field) => field + "-error";

    /// <summary>The aria-describedby value: the hint, then the error when there is one.</summary>
    public string DescribedBy(string field, params string[] others) =>
        string.Join(' ', others.Append(Has(field) ? ErrorId(field) : null).Where(id => !string.IsNullOrEmpty(id)));

    public IEnumerable<(string Target, string Message)> InFormOrder() =>
        Order.Where(o => errors.ContainsKey(o.Field)).Select(o => (o.Target, errors[o.Field]));
}

/// <summary>Dates as residents read them, in Japan time.</summary>
public static class JapaneseDate
{
    public static string Long(DateTime utc) => TokyoTime.LongDate(utc);

    public static string Month(DateTime utc) => TokyoTime.ToTokyo(utc).ToString("yyyy年M月", CultureInfo.InvariantCulture);

    /// <summary>"2024年4月1日から" / "…から2025年3月31日まで": ClosesUtc is the first moment no longer open.</summary>
    public static string Period(Consultation consultation) =>
        consultation.ClosesUtc is { } closes
            ? $"{Long(consultation.OpensUtc)}から{Long(closes.AddSeconds(-1))}まで"
            : $"{Long(consultation.OpensUtc)}から（終わりの日は決まりしだいお知らせします）";
}

/// <summary>The consultation's description (Markdown in the backoffice) as plain paragraphs, escaped by Razor.</summary>
public static class DescriptionText
{
    public static IReadOnlyList<string> Paragraphs(string markdown) =>
        markdown.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

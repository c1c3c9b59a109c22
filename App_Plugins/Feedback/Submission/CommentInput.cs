using System.Globalization;
using System.Net.Mail;
using System.Text;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Submission;

/// <summary>
/// What the comment form posts, as typed. Everything is a string so that nothing the resident
/// typed is lost on a round trip and every message about it is our own Japanese one.
/// </summary>
public sealed class CommentFormFields
{
    public string? Text { get; set; }
    public string? Field { get; set; }
    public string? AgeGroup { get; set; }
    public string? Residence { get; set; }
    public string? Nickname { get; set; }
    public string? ReplyEmail { get; set; }

    /// <summary>"true" when the privacy notice was accepted.</summary>
    public string? Consent { get; set; }

    /// <summary>The goal the form was opened from (document id), or empty for the general form.</summary>
    public string? Goal { get; set; }

    /// <summary>The 取組 number (① = "1") the form was opened from, or empty; only kept when the goal has it.</summary>
    public string? Initiative { get; set; }

    /// <summary>The draft plan paragraph the form was opened from (version id:key, e.g. 12:2-1-3), or empty.</summary>
    public string? Paragraph { get; set; }

    /// <summary>The signed form ticket: submission id and issue time (see <see cref="FormTickets"/>).</summary>
    public string? Ticket { get; set; }
}

/// <summary>A comment that passed validation, normalised and ready to store.</summary>
public sealed record ValidatedComment(
    string Text,
    string Field,
    AgeGroup? AgeGroup,
    Residence? Residence,
    string? Nickname,
    string? ReplyEmail);

/// <summary>The rules for what a resident may send, with the messages they see.</summary>
public static class CommentInput
{
    public const int TextMinimum = 10;
    public const int TextMaximum = 2000;
    public const int NicknameMaximum = 30;
    public const int EmailMaximum = 254;

    /// <summary>
    /// Newlines become \n; control characters (except newline; a tab becomes a space) and the
    /// invisible bidirectional overrides that can disguise text are removed; the ends are trimmed.
    /// Stripping rather than refusing: the resident never saw those characters, so could not fix them.
    /// </summary>
    public static string NormalizeText(string? text, bool singleLine = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (c == '\n')
            {
                builder.Append(singleLine ? ' ' : '\n');
            }
            else if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c) && !IsInvisibleFormatting(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Characters as a person counts them (code points: an emoji is one), like the form's counter.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    public static (ValidatedComment? Comment, IReadOnlyDictionary<string, string> Errors) Validate(CommentFormFields form, IReadOnlyList<string> fields)
    {
        var errors = new Dictionary<string, string>();

        var text = NormalizeText(form.Text);
        var length = Length(text);
        if (length == 0)
        {
            errors[nameof(form.Text)] = "意見を書いてください。";
        }
        else if (length < TextMinimum)
        {
            errors[nameof(form.Text)] = $"意見は{TextMinimum}文字以上で書いてください（いまは{length}文字です）。";
        }
        else if (length > TextMaximum)
        {
            errors[nameof(form.Text)] = string.Create(CultureInfo.InvariantCulture, $"意見は{TextMaximum:N0}文字以内にしてください（いまは{length:N0}文字です）。");
        }

        var field = form.Field?.Trim() ?? "";
        if (field.Length == 0)
        {
            errors[nameof(form.Field)] = "分野を1つ選んでください。";
        }
        else if (!fields.Contains(field, StringComparer.Ordinal))
        {
            errors[nameof(form.Field)] = "分野は一覧の中から選んでください。";
        }

        var ageGroup = ParseChoice<AgeGroup>(form.AgeGroup, out var ageValid);
        if (!ageValid)
        {
            errors[nameof(form.AgeGroup)] = "年代は一覧の中から選んでください。";
        }

        var residence = ParseChoice<Residence>(form.Residence, out var residenceValid);
        if (!residenceValid)
        {
            errors[nameof(form.Residence)] = "住まいは一覧の中から選んでください。";
        }

        var nickname = NormalizeText(form.Nickname, singleLine: true);
        if (Length(nickname) > NicknameMaximum)
        {
            errors[nameof(form.Nickname)] = $"ニックネームは{NicknameMaximum}文字以内にしてください。";
        }

        var email = NormalizeEmail(form.ReplyEmail);
        if (email.Length > 0 && !IsEmailAddress(email))
        {
            errors[nameof(form.ReplyEmail)] = "メールアドレスの形が正しくありません。ueda@example.jp のように入力してください。";
        }

        if (form.Consent != "true")
        {
            errors[nameof(form.Consent)] = "「意見の取扱い（個人情報）」を読んで、同意するにチェックを入れてください。";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidatedComment(text, field, ageGroup, residence, nickname.Length == 0 ? null : nickname, email.Length == 0 ? null : email), errors);
    }

    /// <summary>Full-width letters and ＠ typed with a Japanese keyboard become ASCII.</summary>
    public static string NormalizeEmail(string? email) =>
        NormalizeText(email, singleLine: true).Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal);

    public static bool IsEmailAddress(string email) =>
        email.Length <= EmailMaximum && Forms.SingleEmailAddressAttribute.IsValid(email);

    /// <summary>An enum choice by its name; empty is "not answered" (valid), anything else unknown is invalid.</summary>
    private static T? ParseChoice<T>(string? value, out bool valid) where T : struct, Enum
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        foreach (var choice in Enum.GetValues<T>())
        {
            if (string.Equals(choice.ToString(), value.Trim(), StringComparison.Ordinal))
            {
                return choice;
            }
        }

        valid = false;
        return null;
    }

    private static bool IsInvisibleFormatting(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LineSeparator
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ParagraphSeparator;
}

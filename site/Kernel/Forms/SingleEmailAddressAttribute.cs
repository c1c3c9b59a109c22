using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace UedaPublicGoals.Feedback.Forms;

/// <summary>
/// Exactly one plain address (local@host.tld), ASCII without spaces or controls. The framework's
/// [EmailAddress] lets through "a,b@city.jp" and display-name forms, which later fail as a mail header
/// and silently stop notifications; addresses that e-mail is sent to are checked with this instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleEmailAddressAttribute : ValidationAttribute
{
    public const int MaximumLength = 254;

    public static bool IsValid(string email) =>
        email.Length <= MaximumLength
        && email.All(c => c is > ' ' and < '\u007f' and not (',' or ';' or '<' or '>' or '"' or '(' or ')' or '[' or ']' or '\\' or ':'))
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.DisplayName.Length == 0
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    public override bool IsValid(object? value) => value is not string text || text.Length == 0 || IsValid(text);
}

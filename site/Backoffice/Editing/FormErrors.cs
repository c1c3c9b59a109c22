using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace UedaPublicGoals.Backoffice.Editing;

/// <summary>
/// Errors found in a form, in the order of the fields on screen, keyed by the field's name
/// (e.g. Initiatives[0].Measures[2].Kpis[0].Target) so each shows next to its field and in
/// the error summary, linked to it.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Key, string Message)> errors = [];

    public IReadOnlyList<(string Key, string Message)> All => errors;

    public bool Any => errors.Count > 0;

    public void Add(string key, string message)
    {
        // One message per field: the first problem is the one to fix first.
        if (errors.All(e => e.Key != key))
        {
            errors.Add((key, message));
        }
    }

    public bool Has(string key) => errors.Any(e => e.Key == key);

    /// <summary>Required single-line or multi-line text with a length limit.</summary>
    public void Required(string key, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, $"{label}を入力してください。");
        }
        else
        {
            MaxLength(key, value, label, maxLength);
        }
    }

    public void MaxLength(string key, string? value, string label, int maxLength)
    {
        var length = FormValues.Text(value)?.Length ?? 0;
        if (length > maxLength)
        {
            Add(key, $"{label}は{maxLength:#,0}文字以内にしてください（いま{length:#,0}文字）。");
        }
    }

    public void Number(string key, string? value, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(key, $"{label}を入力してください。");
            }
        }
        else if (!FormValues.TryNumber(value, out _))
        {
            Add(key, $"{label}：数値で入力してください（例：15200 または 15,200）。");
        }
    }

    public void CopyTo(ModelStateDictionary modelState)
    {
        foreach (var (key, message) in errors)
        {
            modelState.AddModelError(key, message);
        }
    }
}

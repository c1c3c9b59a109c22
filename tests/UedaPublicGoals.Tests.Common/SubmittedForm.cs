using AngleSharp.Html.Dom;

namespace UedaPublicGoals.Tests.Common;

// Also compiled into tests/Benchmarks/GrowthBenchmark (linked, no project reference), which publishes through
// the editor's form as the integration tests do: keep this file free of test-framework and site types.
/// <summary>
/// A form as a browser would submit it: every successful control of the page's form (inputs,
/// checked boxes, selected options, textareas, the antiforgery token), in document order.
/// Tests change a few fields and post the rest as they were drawn.
/// </summary>
public sealed class SubmittedForm
{
    private readonly List<KeyValuePair<string, string>> fields;

    private SubmittedForm(List<KeyValuePair<string, string>> fields) => this.fields = fields;

    public static SubmittedForm From(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }

        return new SubmittedForm(fields);
    }

    public string this[string name]
    {
        get => fields.Single(f => f.Key == name).Value;
        set
        {
            var index = fields.FindIndex(f => f.Key == name);
            if (index < 0)
            {
                fields.Add(new(name, value));
            }
            else
            {
                fields[index] = new(name, value);
            }
        }
    }

    public bool Has(string name) => fields.Any(f => f.Key == name);

    public IReadOnlyList<string> All(string name) => fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    public SubmittedForm Without(string name)
    {
        fields.RemoveAll(f => f.Key == name);
        return this;
    }

    public SubmittedForm With(string name, string value)
    {
        this[name] = value;
        return this;
    }

    public SubmittedForm Add(string name, string value)
    {
        fields.Add(new(name, value));
        return this;
    }

    public FormUrlEncodedContent ToContent() => new(fields);
}

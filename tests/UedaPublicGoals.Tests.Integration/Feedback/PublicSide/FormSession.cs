using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>A form as a browser would send it: its action and the values of its controls.</summary>
public sealed class HtmlFormData(string action, List<KeyValuePair<string, string>> fields)
{
    public string Action { get; } = action;

    public List<KeyValuePair<string, string>> Fields { get; } = fields;

    public string? this[string name]
    {
        get => Fields.LastOrDefault(f => f.Key == name).Value;
        set
        {
            Fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                Fields.Add(new(name, value));
            }
        }
    }

    public HtmlFormData Copy() => new(Action, [.. Fields]);
}

/// <summary>A resident's browser without JavaScript: keeps cookies, reads forms from pages, follows no redirects by itself.</summary>
public sealed class FormSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string url) => await HtmlText.GetAsync(Client, url);

    /// <summary>GETs the page and reads the form (by CSS selector).</summary>
    public async Task<HtmlFormData> FormAsync(string url, string selector = "form.feedback-form")
    {
        var (response, html) = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return ReadForm(html, selector);
    }

    public static HtmlFormData ReadForm(string html, string selector = "form.feedback-form")
    {
        var form = HtmlText.Parse(html).QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException("No form " + selector + " in:\n" + HtmlText.MainText(html));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "radio" or "checkbox":
                    if (input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is not ("submit" or "button") && !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(textarea.Name!, textarea.Value));
                    break;
            }
        }

        return new HtmlFormData(form.GetAttribute("action")!, fields);
    }

    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(HtmlFormData form, string? action = null)
    {
        var response = await Client.PostAsync(action ?? form.Action, new FormUrlEncodedContent(form.Fields));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Follows a 303 to the thanks page.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        return await GetAsync(redirect.Headers.Location!.OriginalString);
    }

    /// <summary>The resident fills the empty form with a typical comment.</summary>
    public static void Fill(HtmlFormData form, string text = "駅前にもっと勉強できる場所がほしいです。高校生が放課後に集まれる所があるとうれしい。")
    {
        form["Text"] = text;
        form["Field"] = "生涯を通じて学び豊かな心を育むまちづくり（教育・大学・文化）";
        form["AgeGroup"] = "HighSchool";
        form["Residence"] = "InUeda";
        form["Nickname"] = "さくら";
        form["ReplyEmail"] = "sakura@example.jp";
        form["Consent"] = "true";
    }
}

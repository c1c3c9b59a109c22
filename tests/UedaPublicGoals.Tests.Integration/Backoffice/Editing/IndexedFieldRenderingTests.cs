using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Kernel.Forms;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>
/// The goal editor and the survey editor, whose fields sit behind list indexers (Initiatives[0].Measures[1].Target),
/// render exactly as they do with MVC's own expression provider, with the values, ids, names, hints and error
/// messages, on the first render and on a refused save; only the way the expressions are read differs.
/// </summary>
public sealed partial class IndexedFieldRenderingTests
{
    /// <summary>The site with MVC's compiling provider put back in place of <see cref="IndexedModelExpressionProvider"/>.</summary>
    private sealed class MvcProviderPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IModelExpressionProvider, ModelExpressionProvider>());
        }
    }

    /// <summary>The editor form (antiforgery token blanked) of the goal editor, then after a save refused for empty required fields, and the survey form.</summary>
    private static async Task<string[]> RenderAsync(PortalFactory portal)
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.Administrator);
        var editor = $"/backoffice/goals/{EditorPages.GoalId(portal, EditorPages.Koho)}";
        var first = await session.Client.GetStringAsync(editor);

        var form = await session.ReadFormAsync(editor);
        var required = RequiredFieldNames().Matches(first).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(required.Count >= 5, $"the koho goal has only {required.Count} titled or valued fields");
        foreach (var name in required)
        {
            form[name] = "";
        }

        var refused = await (await session.PostAsync(editor, form)).Content.ReadAsStringAsync();
        Assert.True(HtmlText.Parse(refused).QuerySelectorAll(".form-error").Length >= required.Count / 2, "the emptied fields were not refused");

        var survey = await session.Client.GetStringAsync("/backoffice/feedback/surveys/new");
        return [EditorForm(first, "#editor-form"), EditorForm(refused, "#editor-form"), EditorForm(survey, "main form")];
    }

    private static string EditorForm(string html, string selector)
    {
        var form = HtmlText.Parse(html).QuerySelector(selector);
        Assert.NotNull(form);
        return AntiforgeryToken().Replace(form.OuterHtml, "$1");
    }

    [Fact]
    public async Task The_goal_and_survey_editors_render_as_with_MVCs_provider_on_first_render_and_after_a_refused_save()
    {
        using var ours = new PortalFactory();
        Assert.IsType<IndexedModelExpressionProvider>(ours.Services.GetRequiredService<IModelExpressionProvider>());
        using var mvc = new MvcProviderPortal();
        Assert.IsType<ModelExpressionProvider>(mvc.Services.GetRequiredService<IModelExpressionProvider>());

        var expected = await RenderAsync(mvc);
        var actual = await RenderAsync(ours);

        Assert.Contains("Initiatives[0].Measures[0].Method", actual[0], StringComparison.Ordinal);
        Assert.Contains("Form.Questions[0].Text", actual[2], StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [GeneratedRegex("name=\"([^\"]+(?:\\.Title|\\.Label|\\]\\.Value|\\.Target))\"")]
    private static partial Regex RequiredFieldNames();

    [GeneratedRegex("(name=\"__RequestVerificationToken\"[^>]*value=\")[^\"]*")]
    private static partial Regex AntiforgeryToken();
}

using UedaPublicGoals.Feedback.DraftPlans;
using UedaPublicGoals.Kernel.Markdown;
using UedaPublicGoals.Tests.Integration.SecuritySuite;

namespace UedaPublicGoals.Tests.Integration.Feedback.DraftPlans;

/// <summary>Whatever staff paste as a draft's body splits and renders without an exception, and no markup survives.</summary>
public sealed class DraftOutlineHostileTextTests
{
    [Fact]
    public void Every_hostile_input_splits_and_renders()
    {
        var markdown = new MarkdownRenderer();
        var failures = new List<string>();
        foreach (var (_, input) in HostileCorpus.All)
        {
            foreach (var body in new[] { input, "# 第1章\n\n" + input + "\n\n## 節\n\n" + input, input + "\n# " + input })
            {
                try
                {
                    var outline = DraftOutline.Split(body, markdown);
                    foreach (var paragraph in outline.Paragraphs)
                    {
                        var html = markdown.RenderToString(paragraph.Markdown);
                        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
                    }
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    failures.Add($"{HostileCorpus.Describe(body)}: {ex.GetType().Name} {ex.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }
}

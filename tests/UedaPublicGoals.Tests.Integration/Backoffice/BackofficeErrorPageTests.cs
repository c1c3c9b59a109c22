using System.Net;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice;

/// <summary>
/// Staff meet refusals inside the backoffice (its layout and menu), and are not shown links that
/// would only answer 403.
/// </summary>
public sealed class BackofficeErrorPageTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<BackofficeSession> DepartmentAuthorAsync()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, await EditorPages.SeisakuKikakuIdAsync(portal));
        return await BackofficeSession.LogInAsync(portal, email);
    }

    [Fact]
    public async Task A_refused_backoffice_page_answers_403_in_the_backoffice_layout()
    {
        var author = await DepartmentAuthorAsync();
        // The cookie handler may answer at once or send the browser to its access-denied page.
        var (response, html) = await HtmlText.GetAsync(author.Client, "/backoffice/users");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            (response, html) = await HtmlText.GetAsync(author.Client, response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var document = HtmlText.Parse(html);
        Assert.Contains("backoffice", document.Body!.ClassList);
        Assert.NotNull(document.QuerySelector("nav[aria-label='管理画面のメニュー']"));
        Assert.Contains("このページを表示する権限がありません", HtmlText.MainText(html));
        Assert.Contains("/backoffice/", document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_public_site_keeps_its_own_error_page()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/no-such-department/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("backoffice", HtmlText.Parse(html).Body!.ClassList);
    }

    [Fact]
    public async Task Every_backoffice_link_a_department_author_is_shown_opens()
    {
        var author = await DepartmentAuthorAsync();
        var (_, dashboard) = await HtmlText.GetAsync(author.Client, "/backoffice/");
        var links = HtmlText.Parse(dashboard).QuerySelectorAll("a[href^='/backoffice']")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => !href.Contains("logout", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var response = await author.Client.GetAsync(link);
            Assert.True(response.StatusCode is HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }
}

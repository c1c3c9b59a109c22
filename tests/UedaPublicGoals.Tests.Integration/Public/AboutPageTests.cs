using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Public;

/// <summary>The seeded このサイトについて page describes the site as it is: comments can be sent.</summary>
public sealed class AboutPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task The_about_page_says_how_to_send_a_comment_and_not_that_it_is_impossible()
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/pages/about");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = HtmlText.MainText(html);
        Assert.DoesNotContain("意見を送ることはできません", text);
        Assert.DoesNotContain("追加する予定", text);
        Assert.Contains("意見を送る", text);
        Assert.Contains("第三次上田市総合計画", text);

        // The buttons the page names exist on the pages it points to.
        var (_, home) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/");
        Assert.Contains("上田市のこれからについて意見を送る", HtmlText.MainText(home));
        Assert.Contains("上田市のこれからについて意見を送る", text);
    }
}

using System.Net;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Readable;

/// <summary>
/// 「この取組について意見を送る」: the form opens for that goal and 取組 with its 分野 chosen, and the
/// send step is Post/Redirect/Get, so Back or reload after the thanks page never resubmits.
/// </summary>
public sealed class CommentFromInitiativeTests
{
    [Fact]
    public async Task A_comment_from_an_initiative_row_opens_with_field_goal_and_initiative_chosen_and_sends_with_post_redirect_get()
    {
        using var portal = new FeedbackPortal();
        var koho = portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!;
        var session = portal.OpenSession();

        var (_, goalHtml) = await session.GetAsync(koho.Url);
        var link = HtmlText.Parse(goalHtml).QuerySelectorAll("#initiative-2 .initiative__comment a").Single();
        Assert.Equal("この取組について意見を送る", link.TextContent.Trim());
        var entry = await session.Client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        var formUrl = entry.Headers.Location!.OriginalString;
        Assert.Equal($"/iken/dai3ji-sogo-keikaku/?goal={koho.DocumentId:D}&initiative=2", formUrl);

        var form = await session.FormAsync(formUrl);
        Assert.Equal(koho.DocumentId.ToString("D"), form["Goal"]);
        Assert.Equal("2", form["Initiative"]);
        Assert.Equal("情報発信・広報", form["Field"]);  // the goal's 意見の分野, checked
        var (_, formHtml) = await session.GetAsync(formUrl);
        Assert.Contains($"取組「{koho.Content.Initiatives[1].Title}」への意見", HtmlText.MainText(formHtml));

        // The text box comes first; the optional questions follow it.
        var formElement = HtmlText.Parse(formHtml).QuerySelector("#comment-form")!;
        var controls = formElement.QuerySelectorAll("textarea, input[type=radio], input[type=text], input[type=email]").Select(e => e.GetAttribute("name")).ToList();
        Assert.Equal("Text", controls[0]);

        // An initiative number the goal does not have is dropped, never shown.
        var (_, unknown) = await session.GetAsync($"/iken/dai3ji-sogo-keikaku/?goal={koho.DocumentId:D}&initiative=9");
        Assert.Equal("", FormSession.ReadForm(unknown)["Initiative"]);

        // Confirmation names the 取組; send answers 303 See Other, and the thanks page is a plain GET.
        form["Text"] = "職員の研修の内容を、市民にも公開してほしいです。";
        form["Consent"] = "true";
        portal.Clock.Advance(TimeSpan.FromSeconds(40));
        var (confirm, confirmHtml) = await session.PostAsync(form);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains($"取組「{koho.Content.Initiatives[1].Title}」", HtmlText.MainText(confirmHtml));
        var send = FormSession.ReadForm(confirmHtml, "#confirm-form");
        Assert.Equal("2", send["Initiative"]);
        var (sent, _) = await session.PostAsync(send);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var thanksUrl = sent.Headers.Location!.OriginalString;
        Assert.StartsWith("/iken/dai3ji-sogo-keikaku/thanks", thanksUrl);

        // Reloading the thanks page (or coming Back to it) is a GET that stores nothing new.
        var (thanks, _) = await session.GetAsync(thanksUrl);
        var (again, _) = await session.GetAsync(thanksUrl);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var comment = Assert.Single(await portal.CommentsAsync());
        Assert.Equal("情報発信・広報", comment.Field);
        Assert.Equal(koho.DocumentId, comment.GoalDocumentId);
        Assert.Equal(koho.Content.Initiatives[1].Title, comment.InitiativeTitle);
    }
}

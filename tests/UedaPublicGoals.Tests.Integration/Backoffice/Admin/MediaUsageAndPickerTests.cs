using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>Media that cannot break a page: 使用箇所, asking before trashing an image in use, and the editors' picker.</summary>
public sealed class MediaUsageAndPickerTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<MediaItem> UploadAsync(BackofficeSession session, string altText, string fileName)
    {
        var token = await session.AntiforgeryTokenAsync("/backoffice/media");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(altText), "AltText" },
        };
        var file = new ByteArrayContent(TestImages.Png(40, 30));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        content.Add(file, "File", fileName);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.PostAsync("/backoffice/media", content)).StatusCode);
        return await portal.QueryAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.AltText == altText));
    }

    /// <summary>The about page shows <paramref name="published"/> (published); a goal's draft alone shows <paramref name="draftOnly"/>.</summary>
    private async Task<(string PageTitle, string GoalTitle)> UseAsync(MediaItem published, MediaItem draftOnly)
    {
        string pageTitle = "", goalTitle = "";
        await portal.WithStoreAsync(async (store, _) =>
        {
            var pageId = portal.PageId("about");
            var page = await store.GetDraftAsync<PageContent>(pageId);
            page.Body += "\n\n" + MediaLibrary.MarkdownSnippet(published);
            await store.SaveDraftAsync(pageId, page, "test");
            await store.PublishAsync(pageId, "test");
            pageTitle = page.Title;

            var goalId = portal.GoalId("koho");
            var goal = await store.GetDraftAsync<GoalContent>(goalId);
            goal.CurrentSituation += "\n\n" + MediaLibrary.MarkdownSnippet(draftOnly, "説明会の様子");
            await store.SaveDraftAsync(goalId, goal, "test");
            goalTitle = goal.Title;
        });
        return (pageTitle, goalTitle);
    }

    [Fact]
    public async Task Each_image_lists_where_it_is_used_in_drafts_and_published_pages()
    {
        var session = await portal.AdminAsync();
        var castle = await UploadAsync(session, "上田城跡公園の桜", "castle.png");
        var meeting = await UploadAsync(session, "市民説明会", "meeting.png");
        var unused = await UploadAsync(session, "使っていない画像", "unused.png");
        var (pageTitle, goalTitle) = await UseAsync(castle, meeting);

        var list = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/media"));
        string Usage(MediaItem item) => HtmlText.Collapse(list.GetElementById($"media-{item.Id}")!.QuerySelector(".media-card__usage")!.TextContent);

        Assert.Contains($"{pageTitle}（公開中・下書き）", Usage(castle));
        Assert.NotNull(list.GetElementById($"media-{castle.Id}")!.QuerySelector($"a[href='/backoffice/pages/{portal.PageId("about")}']"));
        Assert.Contains($"{goalTitle}（下書きのみ）", Usage(meeting));
        Assert.Contains("どのページにも使われていません", Usage(unused));

        // Images in use are trashed through the confirmation page; an unused one straight from the list.
        Assert.Null(list.QuerySelector($"form[action='/backoffice/media/{castle.Id}/delete']"));
        Assert.NotNull(list.QuerySelector($"a[href='/backoffice/media/{castle.Id}/delete']"));
        Assert.NotNull(list.QuerySelector($"form[action='/backoffice/media/{unused.Id}/delete']"));
    }

    [Fact]
    public async Task Trashing_an_image_a_published_page_uses_asks_first_and_names_the_pages()
    {
        var session = await portal.AdminAsync();
        var castle = await UploadAsync(session, "上田城跡公園の桜", "castle.png");
        var meeting = await UploadAsync(session, "市民説明会", "meeting.png");
        var (pageTitle, goalTitle) = await UseAsync(castle, meeting);

        // A POST without the confirmation (an old form, a script) only leads to the question.
        var unconfirmed = await session.PostFormAsync("/backoffice/media", $"/backoffice/media/{castle.Id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.Equal($"/backoffice/media/{castle.Id}/delete", unconfirmed.Headers.Location!.OriginalString);
        Assert.Null((await portal.QueryAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.Id == castle.Id))).DeletedUtc);

        var question = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/media/{castle.Id}/delete"));
        Assert.Contains(pageTitle, HtmlText.Collapse(question.GetElementById("published-uses")!.TextContent));
        Assert.Contains("表示されなくなります", question.GetElementById("published-uses")!.TextContent);
        Assert.Null(question.GetElementById("draft-uses"));

        // Used only by a draft: warned too.
        var draftQuestion = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/media/{meeting.Id}/delete"));
        Assert.Null(draftQuestion.GetElementById("published-uses"));
        Assert.Contains(goalTitle, HtmlText.Collapse(draftQuestion.GetElementById("draft-uses")!.TextContent));

        var confirm = await session.PostFormAsync($"/backoffice/media/{castle.Id}/delete", $"/backoffice/media/{castle.Id}/delete", new() { ["confirmed"] = "yes" });
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.NotNull((await portal.QueryAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.Id == castle.Id))).DeletedUtc);
    }

    [Fact]
    public async Task The_picker_lists_and_searches_images_requires_alt_text_and_gives_the_markdown_to_copy()
    {
        var session = await portal.AdminAsync();
        var castle = await UploadAsync(session, "上田城跡公園の桜", "castle.png");
        await UploadAsync(session, "市民説明会", "meeting.png");
        var editor = $"/backoffice/pages/{portal.PageId("about")}";

        // The page editor links to the picker, in a new tab so nothing typed is lost.
        var editorPage = HtmlText.Parse(await session.Client.GetStringAsync(editor));
        var link = editorPage.QuerySelector("a[data-media-picker]")!;
        Assert.Equal($"/backoffice/media/picker?returnTo={Uri.EscapeDataString(editor)}&field=Body", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.NotNull(HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/goals/{portal.GoalId("koho")}")).QuerySelector("a[data-media-picker]"));

        var picker = HtmlText.Parse(await session.Client.GetStringAsync(link.GetAttribute("href")));
        Assert.Equal(2, picker.QuerySelectorAll(".media-picker .media-card").Length);
        var search = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/media/picker?q={Uri.EscapeDataString("城跡")}&returnTo={Uri.EscapeDataString(editor)}"));
        Assert.Equal([$"pick-{castle.Id}"], search.QuerySelectorAll(".media-picker .media-card").Select(c => c.Id));

        // An empty alt text is refused next to the field.
        var refused = await session.Client.GetAsync($"/backoffice/media/picker/{castle.Id}?alt=%20&returnTo={Uri.EscapeDataString(editor)}&field=Body");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = HtmlText.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("代替テキスト（この画像で何を伝えるか）を入力してください", refusedPage.GetElementById($"alt-{castle.Id:N}-error")!.TextContent);
        Assert.Equal("true", refusedPage.GetElementById($"alt-{castle.Id:N}")!.GetAttribute("aria-invalid"));

        // With alt text: the snippet to copy (Markdown-escaped), and the way back to the editor.
        var chosen = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/media/picker/{castle.Id}?alt={Uri.EscapeDataString("桜の [上田城]")}&returnTo={Uri.EscapeDataString(editor)}&field=Body"));
        Assert.Equal($"![桜の \\[上田城\\]](/media/{castle.FileName})", chosen.GetElementById("picked-snippet")!.GetAttribute("value"));
        Assert.NotNull(chosen.QuerySelector($"a[href='{editor}']"));

        // Only editor paths are returned to.
        var elsewhere = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/media/picker/{castle.Id}?alt=x&returnTo={Uri.EscapeDataString("https://example.com/")}"));
        Assert.Null(elsewhere.QuerySelector("a[href='https://example.com/']"));
        Assert.NotNull(elsewhere.QuerySelector("a[href='/backoffice/media']"));
    }

    [Fact]
    public async Task Planning_officers_get_403_from_the_picker_and_anonymous_visitors_are_sent_to_log_in()
    {
        var officer = await portal.SessionAsync(BackofficeRoles.PlanningOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.GetAsync("/backoffice/media/picker")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.GetAsync($"/backoffice/media/picker/{Guid.NewGuid()}?alt=x")).StatusCode);
        var anonymous = await BackofficeSession.Open(portal).Client.GetAsync("/backoffice/media/picker");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/backoffice/login", anonymous.Headers.Location!.PathAndQuery);
    }
}

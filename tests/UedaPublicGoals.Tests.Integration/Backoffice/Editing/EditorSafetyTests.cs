using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>
/// Staff defects of the editor (issue 9 part 8): 「予約を保存」 and 「公開を停止する」 keep what was typed,
/// rollback lands in the editor, and the 変更メモ reaches the history's メモ column.
/// </summary>
public sealed class EditorSafetyTests : IDisposable
{
    private const string TypedReport = "予約の前に書いた中間報告";
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<(BackofficeSession Session, Guid Id, string Editor)> OpenKohoAsPublicRelationsAsync()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var id = EditorPages.GoalId(portal, EditorPages.Koho);
        return (session, id, $"/backoffice/goals/{id}");
    }

    /// <summary>What an officer types and has not saved yet: ①'s 中間報告.</summary>
    private static void TypeReport(SubmittedForm form)
    {
        form["Initiatives[0].MidtermReport.Status"] = nameof(ProgressStatus.OnTrack);
        form["Initiatives[0].MidtermReport.Text"] = TypedReport;
    }

    private Task<GoalContent> DraftAsync(Guid id) =>
        EditorPages.InDatabaseAsync(portal, async db =>
        {
            var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
            var json = await db.Versions.Where(v => v.DocumentId == id && v.Number == document.DraftVersion).Select(v => v.Json).SingleAsync();
            return UedaPublicGoals.Content.Store.ContentJson.Deserialize<GoalContent>(json);
        });

    [Fact]
    public async Task The_schedule_and_unpublish_buttons_belong_to_the_editor_form()
    {
        var (session, _, editor) = await OpenKohoAsPublicRelationsAsync();

        var page = HtmlText.Parse(await session.Client.GetStringAsync(editor));

        // Every button posts the whole form, so no button can drop what was typed (also without JavaScript).
        Assert.NotNull(page.QuerySelector($"#editor-form button[formaction='{editor}/schedule']"));
        Assert.NotNull(page.QuerySelector($"#editor-form button[formaction='{editor}/unpublish']"));
        Assert.NotNull(page.QuerySelector("#editor-form #PublishAt"));
        Assert.Empty(page.QuerySelectorAll($"form[action='{editor}/schedule'], form[action='{editor}/unpublish']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/editor-unsaved']"));
    }

    [Fact]
    public async Task Scheduling_saves_the_typed_changes_as_a_new_draft_first_and_says_which_version()
    {
        var (session, id, editor) = await OpenKohoAsPublicRelationsAsync();
        var form = await session.ReadFormAsync(editor);
        TypeReport(form);
        form["PublishAt"] = "2099-04-01T09:00";

        var response = await session.PostAsync($"{editor}/schedule", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = await EditorPages.DocumentAsync(portal, id);
        Assert.Equal(2, document.DraftVersion);
        Assert.Equal(new DateTime(2099, 4, 1, 0, 0, 0), document.ScheduledPublishUtc);
        Assert.Equal(TypedReport, (await DraftAsync(id)).Initiatives[0].MidtermReport?.Text);
        var notice = HtmlText.MainText(await session.Client.GetStringAsync(editor));
        Assert.Contains("第2版として下書きを保存しました。", notice);
        Assert.Contains("その時点の下書き（いまは第2版）が公開されます", notice);
    }

    [Fact]
    public async Task Scheduling_a_form_with_errors_saves_nothing_schedules_nothing_and_keeps_the_typed_text()
    {
        var (session, id, editor) = await OpenKohoAsPublicRelationsAsync();
        var form = await session.ReadFormAsync(editor);
        form["Title"] = "";
        TypeReport(form);
        form["PublishAt"] = "2099-04-01T09:00";

        var response = await session.PostAsync($"{editor}/schedule", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("重点目標を入力してください。", page.GetElementById("Title-error")!.TextContent);
        Assert.Equal(TypedReport, page.GetElementById("Initiatives_0__MidtermReport_Text")!.TextContent.Trim());
        Assert.Equal("2099-04-01T09:00", page.GetElementById("PublishAt")!.GetAttribute("value"));
        Assert.Equal("true", page.GetElementById("editor-form")!.GetAttribute("data-unsaved"));
        var document = await EditorPages.DocumentAsync(portal, id);
        Assert.Equal(1, document.DraftVersion);
        Assert.Null(document.ScheduledPublishUtc);
    }

    [Fact]
    public async Task Unpublishing_keeps_the_typed_changes_as_the_draft()
    {
        var (session, id, editor) = await OpenKohoAsPublicRelationsAsync();
        var form = await session.ReadFormAsync(editor);
        TypeReport(form);

        var response = await session.PostAsync($"{editor}/unpublish", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = await EditorPages.DocumentAsync(portal, id);
        Assert.Null(document.PublishedVersion);
        Assert.Equal(TypedReport, (await DraftAsync(id)).Initiatives[0].MidtermReport?.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreatePublicClient().GetAsync("/seisaku-kikaku/r6/koho/")).StatusCode);
    }

    [Fact]
    public async Task A_change_note_fills_the_history_memo_column_of_goals_and_pages()
    {
        var (session, id, editor) = await OpenKohoAsPublicRelationsAsync();
        var form = await session.ReadFormAsync(editor);
        TypeReport(form);
        form["ChangeNote"] = "  中間報告を追記  ";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync(editor, form)).StatusCode);

        var history = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/documents/{id}/history"));
        var newest = history.QuerySelector(".history-table tbody tr")!;
        Assert.Contains("第2版", newest.TextContent);
        Assert.Equal("中間報告を追記", newest.QuerySelector("td[data-label='メモ']")!.TextContent.Trim());

        var pageId = EditorPages.PageId(portal, "about");
        var pageEditor = $"/backoffice/pages/{pageId}";
        var pageForm = await session.ReadFormAsync(pageEditor);
        pageForm["Body"] += "\n\n追記した段落。";
        pageForm["ChangeNote"] = "段落を追加";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"{pageEditor}/publish", pageForm)).StatusCode);
        Assert.Equal("段落を追加", await EditorPages.InDatabaseAsync(portal, db =>
            db.Versions.Where(v => v.DocumentId == pageId).OrderByDescending(v => v.Number).Select(v => v.Note).FirstAsync()));
    }

    [Fact]
    public async Task A_change_note_over_the_limit_is_explained_next_to_the_field_and_nothing_is_saved()
    {
        var (session, id, editor) = await OpenKohoAsPublicRelationsAsync();
        var form = await session.ReadFormAsync(editor);
        TypeReport(form);
        form["ChangeNote"] = new string('メ', 201);

        var response = await session.PostAsync(editor, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("変更メモ", page.GetElementById("ChangeNote-error")!.TextContent);
        Assert.Equal(new string('メ', 201), page.GetElementById("ChangeNote")!.GetAttribute("value"));
        Assert.Equal(1, (await EditorPages.DocumentAsync(portal, id)).DraftVersion);
    }

    [Fact]
    public async Task Rollback_returns_to_the_editor_with_a_success_message()
    {
        var (session, id, editor) = await OpenKohoAsPublicRelationsAsync();
        var form = await session.ReadFormAsync(editor);
        TypeReport(form);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync(editor, form)).StatusCode);
        var stamp = (await EditorPages.DocumentAsync(portal, id)).ConcurrencyStamp;

        var response = await session.PostFormAsync($"/backoffice/documents/{id}/history/1", $"/backoffice/documents/{id}/history/1/rollback",
            new() { ["concurrencyStamp"] = stamp.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(editor, response.Headers.Location!.OriginalString);
        var page = HtmlText.Parse(await session.Client.GetStringAsync(editor));
        Assert.Contains("第1版の内容を、第3版（新しい下書き）として保存しました。", HtmlText.MainText(page.DocumentElement.OuterHtml));
        Assert.Equal("", page.GetElementById("Initiatives_0__MidtermReport_Text")!.TextContent.Trim());
    }
}

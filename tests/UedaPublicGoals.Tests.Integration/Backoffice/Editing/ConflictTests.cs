using System.Net;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>Two people edit the same goal: the second save from a stale form is stopped, told what changed, and keeps its input.</summary>
public sealed class ConflictTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private string Editor => $"/backoffice/goals/{EditorPages.GoalId(portal, "gakuen-toshi")}";

    [Fact]
    public async Task A_save_from_a_stale_form_lists_the_changes_keeps_the_input_and_saves_nothing_until_saved_again()
    {
        var first = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations, "first@example.jp"));
        var second = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations, "second@example.jp"));
        var firstForm = await first.ReadFormAsync(Editor);
        var secondForm = await second.ReadFormAsync(Editor);
        var originalTitle = firstForm["Title"];

        firstForm["Title"] = "長野大学の改革促進と学園都市づくりの推進（修正）";
        firstForm["Initiatives[0].MidtermReport.Status"] = "SlightlyBehind";
        firstForm["Initiatives[0].MidtermReport.Text"] = "一部の取組に遅れがあります。";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync(Editor, firstForm)).StatusCode);

        secondForm["PurposeAndEffect"] = "二人目が書いた目的・効果";
        var conflict = await second.PostAsync(Editor, secondForm);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = HtmlText.Parse(await conflict.Content.ReadAsStringAsync());
        var notice = page.QuerySelector(".notice--conflict")!;
        Assert.Equal("alert", notice.GetAttribute("role"));
        var noticeText = HtmlText.Collapse(notice.TextContent);
        Assert.Contains("あなたの入力はまだ保存されていません", noticeText);
        Assert.Contains("first@example.jp", noticeText);
        Assert.Contains("第1版を開いた後", noticeText);

        var rows = page.QuerySelectorAll(".diff-table tbody tr")
            .Select(row => (Field: row.QuerySelector("th")!.TextContent, Cells: row.QuerySelectorAll("td").Select(td => td.TextContent).ToList()))
            .ToList();
        Assert.Contains(rows, r => r.Field == "重点目標" && r.Cells[0] == originalTitle && r.Cells[1] == "長野大学の改革促進と学園都市づくりの推進（修正）");
        Assert.Contains(rows, r => r.Field == "取組項目① 中間報告" && r.Cells[0] == "未報告" && r.Cells[1] == "やや遅れ：一部の取組に遅れがあります。");
        Assert.Equal(2, rows.Count);

        // The second editor's input is still in the form, and nothing of it was saved.
        var kept = EditorPages.FormOf(page);
        Assert.Equal("二人目が書いた目的・効果", kept["PurposeAndEffect"]);
        Assert.Equal(originalTitle, kept["Title"]);
        var document = await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, "gakuen-toshi"));
        Assert.Equal(2, document.DraftVersion);
        Assert.Equal(document.ConcurrencyStamp.ToString(), kept["ConcurrencyStamp"]);
        Assert.Equal("2", kept["BaseVersion"]);

        // Saving again after reading the changes is a deliberate choice, and goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync(Editor, kept)).StatusCode);
        Assert.Equal(3, (await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, "gakuen-toshi"))).DraftVersion);
    }

    [Fact]
    public async Task A_publish_in_between_is_not_a_conflict_because_the_draft_did_not_move()
    {
        var editor = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var publisher = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var form = await editor.ReadFormAsync(Editor);
        var stampBefore = form["ConcurrencyStamp"];

        Assert.Equal(HttpStatusCode.Redirect, (await publisher.PostAsync($"{Editor}/publish", await publisher.ReadFormAsync(Editor))).StatusCode);
        Assert.NotEqual(stampBefore, (await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, "gakuen-toshi"))).ConcurrencyStamp.ToString());

        form["PurposeAndEffect"] = "公開の後に書いた目的・効果";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(Editor, form)).StatusCode);
        Assert.Equal(2, (await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, "gakuen-toshi"))).DraftVersion);
    }

    [Fact]
    public async Task A_slug_changed_by_someone_else_is_reported_as_a_conflict()
    {
        var editor = Editor;
        var first = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var second = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var stale = await second.ReadFormAsync(editor);

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"{editor}/publish", (await first.ReadFormAsync(editor)).With("Slug", "daigaku"))).StatusCode);

        var conflict = await second.PostAsync(editor, stale.With("PurposeAndEffect", "古いフォームからの保存"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var rows = HtmlText.Parse(await conflict.Content.ReadAsStringAsync()).QuerySelectorAll(".diff-table tbody tr").Select(r => HtmlText.Collapse(r.TextContent)).ToList();
        Assert.Equal(["スラッグ（URL） gakuen-toshi daigaku"], rows);
    }
}

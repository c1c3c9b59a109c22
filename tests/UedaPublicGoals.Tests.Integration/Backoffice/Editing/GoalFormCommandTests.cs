using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Editing.Goals;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>Add, remove and reorder parts of the sheet with plain submit buttons; numbering follows the order.</summary>
public sealed class GoalFormCommandTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Theory]
    [InlineData("add-initiative", "add-initiative")]
    [InlineData("add-measure:1", "add-measure:1")]
    [InlineData("remove-kpi:1.3.2", "remove-kpi:1.3.2")]
    [InlineData("move-initiative-up:2", "move-initiative-up:2")]
    [InlineData("move-measurement-down:1.3.1.4", "move-measurement-down:1.3.1.4")]
    [InlineData("add-measure", null)]            // which initiative?
    [InlineData("remove-initiative:0", null)]    // positions start at 1
    [InlineData("move-kpi:1.1.1", null)]         // up or down?
    [InlineData("add-kpi:1.2.3", null)]          // a KPI's parent is a measure (two positions)
    [InlineData("save", null)]
    [InlineData("add-initiative:1;drop table", null)]
    public void Commands_parse_only_in_their_exact_form(string text, string? parsed) =>
        Assert.Equal(parsed, GoalFormCommand.Parse(text)?.ToString());

    [Fact]
    public async Task Buttons_add_move_and_remove_items_without_saving_and_the_save_renumbers_them()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var id = EditorPages.GoalId(portal, EditorPages.Koho);
        var editor = $"/backoffice/goals/{id}";
        var form = await session.ReadFormAsync(editor);

        async Task<AngleSharp.Dom.IDocument> PressAsync(string command)
        {
            var response = await session.PostAsync(editor, form.With("command", command));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
            form = EditorPages.FormOf(page).Without("command");
            return page;
        }

        // A third initiative, typed into, then moved to the top.
        var page = await PressAsync("add-initiative");
        Assert.Equal("取組項目③", page.QuerySelector("#initiative-3 > legend")!.TextContent.Trim());
        Assert.Contains("取組項目③を追加しました", page.QuerySelector(".notice[role=status]")!.TextContent);
        Assert.Equal($"{editor}#initiative-4", page.QuerySelector("button[value='add-initiative']")!.GetAttribute("formaction"));
        form["Initiatives[2].Title"] = "新しい取組";
        await PressAsync("move-initiative-up:3");
        page = await PressAsync("move-initiative-up:2");
        Assert.Equal("新しい取組", form["Initiatives[0].Title"]);
        Assert.Equal("市民が共感できる効果的な情報発信の推進", form["Initiatives[1].Title"]);
        Assert.Null(page.QuerySelector("button[value='move-initiative-up:1']")); // the first cannot go higher

        // In what is now ②, drop measure (1) and move the LINE/YouTube measure (now (2)) to the top.
        await PressAsync("remove-measure:2.1");
        await PressAsync("move-measure-up:2.2");
        Assert.Equal("メール・SNS等を活用した情報発信媒体の充実", form["Initiatives[1].Measures[0].Method"]);
        await PressAsync("remove-kpi:2.1.2"); // YouTube
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync(editor, form.With("command", "add-kpi:1.1"))).StatusCode); // ① has no measure (1) yet
        form.Without("command");
        await PressAsync("add-measure:1");
        page = await PressAsync("add-kpi:1.1");
        Assert.Equal("kpi-1", form["Initiatives[0].Measures[0].Kpis[0].Key"]); // a free key is suggested
        form["Initiatives[0].Measures[0].Method"] = "新しい方法";
        form["Initiatives[0].Measures[0].Kpis[0].Label"] = "参加者数";
        form["Initiatives[0].Measures[0].Kpis[0].Unit"] = "人";
        form["Initiatives[0].Measures[0].Kpis[0].Target"] = "100";

        // Nothing was saved by the buttons.
        Assert.Equal(1, (await EditorPages.DocumentAsync(portal, id)).DraftVersion);

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync(editor, form)).StatusCode);
        var saved = await EditorPages.InDatabaseAsync(portal, async db =>
        {
            var document = await db.Documents.SingleAsync(d => d.Id == id);
            var json = await db.Versions.Where(v => v.DocumentId == id && v.Number == document.DraftVersion).Select(v => v.Json).SingleAsync();
            return ContentJson.Deserialize<GoalContent>(json);
        });
        Assert.Equal([1, 2, 3], saved.Initiatives.Select(i => i.Number));
        Assert.Equal(["新しい取組", "市民が共感できる効果的な情報発信の推進", "市民に伝わる情報発信への取組"], saved.Initiatives.Select(i => i.Title));
        Assert.Equal([1, 2, 3], saved.Initiatives[1].Measures.Select(m => m.Number));
        Assert.Equal("メール・SNS等を活用した情報発信媒体の充実", saved.Initiatives[1].Measures[0].Method);
        Assert.Equal(["line-friends"], saved.Initiatives[1].Measures[0].Kpis.Select(k => k.Key));
        Assert.Equal(100m, saved.Initiatives[0].Measures[0].Kpis[0].Target);
        Assert.Null(saved.Initiatives[0].Measures[0].Kpis[0].Baseline);
    }

    [Fact]
    public async Task Saving_an_untouched_form_changes_nothing_for_every_seeded_goal_and_page()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.Administrator);
        var site = portal.ReadModel.Current;
        var editors = site.AllGoals.Select(g => $"/backoffice/goals/{g.DocumentId}")
            .Concat(site.Pages.Select(p => $"/backoffice/pages/{p.DocumentId}"))
            .ToList();
        Assert.Equal(7, editors.Count);

        foreach (var editor in editors)
        {
            var response = await session.PostAsync(editor, await session.ReadFormAsync(editor));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{editor}: {response.StatusCode}");
            Assert.Contains("変更はありませんでした", await session.Client.GetStringAsync(editor));
        }

        Assert.Equal(0, await EditorPages.InDatabaseAsync(portal, db => db.Versions.CountAsync(v => v.Number > 1)));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>
/// The story: a 広報 opens 政策企画部's goal 4 (koho), writes the 中間報告 of ① and the
/// LINE 友だち measurement, previews it as residents will see it, publishes, and the public page
/// shows it at once.
/// </summary>
public sealed class GoalEditFlowTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Koho_midterm_report_and_LINE_measurement_preview_then_publish_show_on_the_public_page()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations);
        var session = await BackofficeSession.LogInAsync(portal, email);
        var id = EditorPages.GoalId(portal, EditorPages.Koho);
        var editor = $"/backoffice/goals/{id}";

        // The content tree links to the editor.
        var tree = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/"));
        Assert.NotNull(tree.QuerySelector($"a[href='{editor}']"));

        // Warm the public page into the output cache, so the publish must evict it.
        var publicClient = portal.CreatePublicClient();
        Assert.DoesNotContain("15,200人", HtmlText.MainText(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/")));

        // LINE 友だち is KPI 1 of measure (3) of initiative ①: add a measurement row (no JavaScript: a submit button).
        var form = await session.ReadFormAsync(editor);
        var added = await session.PostAsync(editor, form.With("command", "add-measurement:1.3.1"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var addedPage = HtmlText.Parse(await added.Content.ReadAsStringAsync());
        Assert.NotNull(addedPage.QuerySelector("#initiative-1-measure-3-kpi-1-measurement-1"));
        form = EditorPages.FormOf(addedPage);
        Assert.Equal(0, await EditorPages.InDatabaseAsync(portal, db => db.Versions.CountAsync(v => v.DocumentId == id && v.Number > 1)));

        const string measurement = "Initiatives[0].Measures[2].Kpis[0].Measurements[0]";
        form[$"{measurement}.Date"] = "2024-10-01";
        form[$"{measurement}.Value"] = "15,200";
        form["Initiatives[0].MidtermReport.Status"] = nameof(ProgressStatus.OnTrack);
        form["Initiatives[0].MidtermReport.ReportedOn"] = "2024-10-15";
        form["Initiatives[0].MidtermReport.Text"] = "LINE友だち登録者数は\r\n順調に増えています。";
        var saved = await session.PostAsync(editor, form.With("command", "save-and-preview"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{editor}/preview", saved.Headers.Location!.OriginalString);

        // Saved as draft version 2; the public page is unchanged.
        var document = await EditorPages.DocumentAsync(portal, id);
        Assert.Equal(2, document.DraftVersion);
        Assert.Equal(1, document.PublishedVersion);
        Assert.DoesNotContain("順調に増えています", HtmlText.MainText(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/")));

        // The preview is the public goal view with a banner, not indexed, not cached.
        var preview = await session.Client.GetAsync($"{editor}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.True(preview.Headers.CacheControl!.NoStore);
        var previewPage = HtmlText.Parse(await preview.Content.ReadAsStringAsync());
        Assert.Contains("noindex", previewPage.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains("プレビュー", previewPage.QuerySelector(".notice--preview")!.TextContent);
        Assert.Equal("41", previewPage.QuerySelector("progress.kpi__bar")!.GetAttribute("value"));
        var previewText = HtmlText.Collapse(previewPage.QuerySelector("main")!.TextContent);
        Assert.Contains("LINE友だち登録者数は 順調に増えています。", previewText);
        Assert.Contains("2024年10月1日時点で 15,200人。目標 17,000人（基準値 13,967人）に対して進捗 41%。", previewText);

        // Publish from the editor.
        form = await session.ReadFormAsync(editor);
        var published = await session.PostAsync($"{editor}/publish", form);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        document = await EditorPages.DocumentAsync(portal, id);
        Assert.Equal(2, document.PublishedVersion);
        Assert.Equal(2, document.DraftVersion); // nothing changed in the form: no empty version

        var publicPage = HtmlText.Parse(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/"));
        Assert.Null(publicPage.QuerySelector(".notice--preview"));
        Assert.Equal("41", publicPage.QuerySelector("progress.kpi__bar")!.GetAttribute("value"));
        var publicText = HtmlText.Collapse(publicPage.QuerySelector("main")!.TextContent);
        Assert.Contains("LINE友だち登録者数は 順調に増えています。", publicText);
        Assert.Contains("報告日：2024年10月15日", publicText);

        // Stored with LF line endings, whatever the browser sent.
        Assert.Equal("LINE友だち登録者数は\n順調に増えています。", portal.ReadModel.Current.FindGoal(id)!.Content.Initiatives[0].MidtermReport!.Text);

        var audit = await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.Where(a => a.Target == $"goal:{id}").OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.ContentSave && a.Actor == email);
        Assert.Contains(audit, a => a.Action == AuditActions.ContentPublish && a.Actor == email);
    }
}
